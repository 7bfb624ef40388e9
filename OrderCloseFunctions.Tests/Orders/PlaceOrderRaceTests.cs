using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Support;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Orders;

/// <summary>
/// Concurrent creates of one number with different payment timeouts (issue 13 #8): whichever request's order is stored,
/// a close due no later than its deadline is in the queue, though the queue drops a MessageId it has seen.
/// </summary>
public sealed class PlaceOrderRaceTests
{
    private const int Rounds = 200;
    private const int Requests = 16;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(600);
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Every_stored_NEW_order_has_a_close_due_by_its_deadline_whichever_of_16_concurrent_creates_won()
    {
        using var pipeline = new ClosePipeline();
        var violations = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var number = $"RACE{round:000}";
            // All requests read "no such order" before any schedules, and all have scheduled before any stores: the
            // queue keeps the first close of each MessageId, and the stores race.
            var scheduler = new InLockstep(pipeline.Queue, new Rendezvous(Requests), new Rendezvous(Requests));
            var place = pipeline.PlaceOver(scheduler);
            await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => Task.Run(() => place.HandleAsync(
                new PlaceOrderCommand(number, TestOrders.Amount, TestOrders.PayType, null, i % 2 == 0 ? Long : Short), CancellationToken.None))));

            var stored = pipeline.Order(number);
            var dueTimes = pipeline.Queue.DueTimesOf(number);
            if (stored.State == OrderState.New && !dueTimes.Any(due => due <= stored.PayDeadline))
            {
                violations.Add($"{number}: deadline {stored.PayDeadline:o}, closes due {string.Join(", ", dueTimes.Select(d => d.ToString("o")))}");
            }
        }

        Assert.Empty(violations);
    }

    /// <summary>Lets the schedules through once every request has come to them, and returns once all are through.</summary>
    private sealed class InLockstep(ICloseScheduler inner, Rendezvous allRead, Rendezvous allScheduled) : ICloseScheduler
    {
        public async Task<long> ScheduleAsync(CloseSchedule schedule, CancellationToken cancellationToken)
        {
            await allRead.ArriveAsync();
            var sequenceNumber = await inner.ScheduleAsync(schedule, cancellationToken);
            await allScheduled.ArriveAsync();
            return sequenceNumber;
        }

        public Task<bool> CancelAsync(long sequenceNumber, CancellationToken cancellationToken) => inner.CancelAsync(sequenceNumber, cancellationToken);
    }
}
