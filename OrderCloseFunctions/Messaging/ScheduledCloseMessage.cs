using OrderClose.Orders.Ports;

namespace OrderClose.Messaging;

/// <summary>
/// A close as it goes on a queue: the MessageId the queue deduplicates on, the JSON body (<see cref="CloseOrderMessage"/>,
/// attempt included) and when it is due, in UTC. Every <see cref="ICloseScheduler"/> sends exactly this.
/// </summary>
public sealed record ScheduledCloseMessage(string MessageId, BinaryData Body, DateTimeOffset DueAt)
{
    public const string ContentType = CloseOrderMessage.ContentType;
    public const string Subject = "close-order";

    public static ScheduledCloseMessage For(CloseSchedule schedule) => new(
        schedule.MessageId,
        new CloseOrderMessage(CloseOrderMessage.CurrentSchemaVersion, schedule.OutTradeNo, schedule.PayDeadline) { Attempt = schedule.Attempt }.ToBody(),
        schedule.DueAt.ToUniversalTime());
}
