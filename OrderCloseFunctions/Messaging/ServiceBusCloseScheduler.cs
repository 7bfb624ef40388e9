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
        try
        {
            return await sender.ScheduleMessageAsync(message, close.DueAt, cancellationToken);
        }
        catch (ServiceBusException exception) when (exception.IsTransient)
        {
            throw new DependencyUnavailableException($"Service Bus could not schedule the close of {schedule.OutTradeNo}.", exception);
        }
    }

    public async Task<bool> CancelAsync(long sequenceNumber, CancellationToken cancellationToken)
    {
        try
        {
            await sender.CancelScheduledMessageAsync(sequenceNumber, cancellationToken);
            return true;
        }
        catch (ServiceBusException exception) when (exception.Reason == ServiceBusFailureReason.MessageNotFound)
        {
            return false;
        }
        catch (ServiceBusException exception) when (exception.IsTransient)
        {
            throw new DependencyUnavailableException($"Service Bus could not cancel scheduled message #{sequenceNumber}.", exception);
        }
    }
}
