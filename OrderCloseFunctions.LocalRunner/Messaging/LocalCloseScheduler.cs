using OrderClose.Messaging;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Messaging;

/// <summary>Schedules closes on the local queue as the same messages <see cref="ServiceBusCloseScheduler"/> sends.</summary>
public sealed class LocalCloseScheduler(SqliteCloseQueue queue) : ICloseScheduler
{
    public Task<long> ScheduleAsync(CloseSchedule schedule, CancellationToken cancellationToken)
    {
        var body = new CloseOrderMessage(CloseOrderMessage.CurrentSchemaVersion, schedule.OutTradeNo, schedule.PayDeadline);
        return queue.ScheduleAsync(schedule.MessageId, CloseOrderMessage.ContentType, body.ToBody(), schedule.DueAt);
    }

    public Task<bool> CancelAsync(long sequenceNumber, CancellationToken cancellationToken) =>
        queue.CancelScheduledAsync(sequenceNumber);
}
