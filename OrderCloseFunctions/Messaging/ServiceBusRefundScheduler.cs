using Azure.Messaging.ServiceBus;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Messaging;

/// <summary>
/// Sends refund requests to the <c>order-refund</c> queue: MessageId <c>R{outTradeNo}@{attempt}</c> (the queue's
/// duplicate detection drops a repeat), the <see cref="RefundOrderMessage"/> body, scheduled for the due time (now: at once).
/// </summary>
public sealed class ServiceBusRefundScheduler(ServiceBusSender sender) : IRefundScheduler
{
    public async Task ScheduleAsync(RefundSchedule schedule, CancellationToken cancellationToken)
    {
        var message = new ServiceBusMessage(RefundOrderMessage.BodyOf(schedule))
        {
            MessageId = schedule.MessageId,
            ContentType = RefundOrderMessage.ContentType,
            Subject = RefundOrderMessage.Subject,
        };
        await ServiceBusCall.RunAsync($"send the refund of {schedule.OutTradeNo}",
            () => sender.ScheduleMessageAsync(message, schedule.DueAt.ToUniversalTime(), cancellationToken));
    }
}
