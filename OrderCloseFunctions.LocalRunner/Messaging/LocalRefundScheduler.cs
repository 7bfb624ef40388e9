using OrderClose.Messaging;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Messaging;

/// <summary>Sends refund requests to the local refund queue as the same messages <see cref="ServiceBusRefundScheduler"/> sends.</summary>
public sealed class LocalRefundScheduler(SqliteCloseQueue queue) : IRefundScheduler
{
    public Task ScheduleAsync(RefundSchedule schedule, CancellationToken cancellationToken) =>
        queue.ScheduleAsync(schedule.MessageId, RefundOrderMessage.ContentType, RefundOrderMessage.BodyOf(schedule), schedule.DueAt);
}
