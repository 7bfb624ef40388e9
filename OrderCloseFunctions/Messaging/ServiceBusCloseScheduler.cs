using Azure.Messaging.ServiceBus;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Messaging;

/// <summary>Schedules closes as Service Bus messages whose ScheduledEnqueueTime is the due time.</summary>
public sealed class ServiceBusCloseScheduler(ServiceBusSender sender) : ICloseScheduler
{
    public async Task<long> ScheduleAsync(CloseSchedule schedule, CancellationToken cancellationToken)
    {
        var close = ScheduledCloseMessage.For(schedule);
        var message = new ServiceBusMessage(close.Body)
        {
            MessageId = close.MessageId,
            ContentType = ScheduledCloseMessage.ContentType,
            Subject = ScheduledCloseMessage.Subject,
        };
        return await ServiceBusCall.RunAsync($"schedule the close of {schedule.OutTradeNo}",
            () => sender.ScheduleMessageAsync(message, close.DueAt, cancellationToken));
    }

    public async Task<bool> CancelAsync(long sequenceNumber, CancellationToken cancellationToken)
    {
        try
        {
            await ServiceBusCall.RunAsync($"cancel scheduled message #{sequenceNumber}",
                () => sender.CancelScheduledMessageAsync(sequenceNumber, cancellationToken));
            return true;
        }
        catch (ServiceBusException exception) when (exception.Reason == ServiceBusFailureReason.MessageNotFound)
        {
            return false;
        }
    }
}
