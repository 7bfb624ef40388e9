using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.TestDoubles;

/// <summary>Records the refund requests sent, and fails the next <see cref="FailNext"/> sends as Service Bus would when down.</summary>
public sealed class RecordingRefundScheduler : IRefundScheduler
{
    private readonly List<RefundSchedule> _sent = [];

    public int FailNext { get; set; }

    public IReadOnlyList<RefundSchedule> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public Task ScheduleAsync(RefundSchedule schedule, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            if (FailNext > 0)
            {
                FailNext--;
                throw new DependencyUnavailableException("Service Bus is down.");
            }
            _sent.Add(schedule);
        }
        return Task.CompletedTask;
    }
}
