using OrderClose.Messaging;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Messaging;

/// <summary>Schedules closes on the local queue as the same messages <see cref="ServiceBusCloseScheduler"/> sends (<see cref="ScheduledCloseMessage.For"/>).</summary>
public sealed class LocalCloseScheduler(SqliteCloseQueue queue) : ICloseScheduler
{
    public Task<long> ScheduleAsync(CloseSchedule schedule, CancellationToken cancellationToken)
    {
        var close = ScheduledCloseMessage.For(schedule);
        return queue.ScheduleAsync(close.MessageId, ScheduledCloseMessage.ContentType, close.Body, close.DueAt);
    }

    public Task<bool> CancelAsync(long sequenceNumber, CancellationToken cancellationToken) =>
        queue.CancelScheduledAsync(sequenceNumber);
}
