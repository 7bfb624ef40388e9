using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using OrderClose.Messaging;
using OrderClose.Orders;

namespace OrderClose.Functions;

/// <summary>
/// Receives a due close, reads its body (an unreadable one is dead-lettered with the reason), hands it to
/// <see cref="HandleDueClose"/> and settles the message explicitly as that decides.
/// </summary>
public sealed class CloseOrderFunction(
    HandleDueClose handleDueClose,
    TimeProvider clock,
    OrderMetrics metrics,
    ILogger<CloseOrderFunction> logger)
{
    [Function("CloseOrder")]
    public async Task RunAsync(
        [ServiceBusTrigger("%" + MessagingOptions.QueueNameSetting + "%", Connection = MessagingOptions.ConnectionSetting, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken)
    {
        var settled = await MessageSettlement.RunAsync(message, actions, "close", logger, () => DecideAsync(message, cancellationToken));
        if (settled != "abandon")
        {
            metrics.CloseDelivered(message.DeliveryCount, settled);
        }
    }

    private async Task<Settlement> DecideAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken)
    {
        if (CloseOrderMessage.TryParse(message.Body, out var rejection) is not { } close)
        {
            return Settlement.DeadLetter(rejection!.Reason, rejection.Description);
        }
        var due = new DueClose(close.OutTradeNo, close.PayDeadline, close.Attempt, message.DeliveryCount, message.SequenceNumber, QueueClockLead(message));
        return await handleDueClose.HandleAsync(due, cancellationToken);
    }

    /// <summary>
    /// A scheduled message that the queue delivered on time but that our clock sees early shows how far the queue's
    /// clock runs ahead; a message sent without a schedule (a manual resend) shows nothing.
    /// </summary>
    private TimeSpan QueueClockLead(ServiceBusReceivedMessage message) =>
        message.ScheduledEnqueueTime == default ? TimeSpan.Zero : message.ScheduledEnqueueTime - clock.GetUtcNow();
}
