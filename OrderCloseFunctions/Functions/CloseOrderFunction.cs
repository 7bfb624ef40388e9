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
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["MessageId"] = message.MessageId,
            ["DeliveryCount"] = message.DeliveryCount,
        });

        Settlement settlement;
        try
        {
            settlement = await DecideAsync(message, cancellationToken);
        }
        catch (Exception exception)
        {
            // Unexpected, or the host is shutting down: let Service Bus deliver it again now rather than at lock expiry.
            logger.LogError(exception, "Close message {MessageId} failed unexpectedly on delivery {DeliveryCount}; abandoning",
                message.MessageId, message.DeliveryCount);
            await actions.AbandonMessageAsync(message, cancellationToken: CancellationToken.None);
            throw;
        }

        await SettleAsync(message, actions, settlement);
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

    private async Task SettleAsync(ServiceBusReceivedMessage message, ServiceBusMessageActions actions, Settlement settlement)
    {
        // Settle even if the host is stopping: the decision is made, and the lock is still ours.
        var none = CancellationToken.None;
        using var activity = Tracing.Source.StartActivity("settle close message");
        activity?.SetTag("messaging.message.id", message.MessageId);
        activity?.SetTag("messaging.message.delivery_count", message.DeliveryCount);
        switch (settlement)
        {
            case DeadLetterSettlement deadLetter:
                activity?.SetTag("orderclose.settlement", "dead_letter");
                activity?.SetTag("orderclose.dead_letter_reason", deadLetter.Reason);
                logger.LogError("Dead-lettering close message {MessageId}: {Reason}: {Description}",
                    message.MessageId, deadLetter.Reason, deadLetter.Description);
                await actions.DeadLetterMessageAsync(message, deadLetterReason: deadLetter.Reason,
                    deadLetterErrorDescription: deadLetter.Description, cancellationToken: none);
                metrics.CloseDelivered(message.DeliveryCount, "dead_letter");
                break;
            case AbandonSettlement:
                activity?.SetTag("orderclose.settlement", "abandon");
                await actions.AbandonMessageAsync(message, cancellationToken: none);
                break;
            default:
                activity?.SetTag("orderclose.settlement", "complete");
                await actions.CompleteMessageAsync(message, none);
                metrics.CloseDelivered(message.DeliveryCount, "complete");
                break;
        }
    }
}
