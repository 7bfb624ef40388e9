using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using OrderClose.Messaging;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Functions;

/// <summary>
/// Receives a due close and settles the message explicitly: complete when there is nothing (more) to do,
/// abandon or reschedule it later (<see cref="CloseRetryPolicy"/>) when a dependency failed for now, dead-letter
/// when the message can never succeed or its retries are spent.
/// </summary>
public sealed class CloseOrderFunction(
    CloseUnpaidOrder closeUnpaidOrder,
    ICloseScheduler scheduler,
    CloseRetryPolicy retryPolicy,
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

        try
        {
            var outcome = await closeUnpaidOrder.HandleAsync(close.OutTradeNo, cancellationToken);
            LogOutcome(close.OutTradeNo, message.DeliveryCount, outcome);
            switch (outcome.Decision)
            {
                case CloseDecision.NotDue:
                    await scheduler.ScheduleAsync(
                        CloseSchedule.Resent(outcome.Order!, message.SequenceNumber, QueueClockLead(message)), cancellationToken);
                    return Settlement.Complete;
                case CloseDecision.UnknownPayType:
                    return Settlement.DeadLetter("UnknownPayType", $"No payment provider serves pay type '{outcome.Order!.PayType}'.");
                case CloseDecision.BuyerPaying:
                    return await RecheckAsync(close, cancellationToken);
                default:
                    return Settlement.Complete;
            }
        }
        catch (DependencyUnavailableException exception)
        {
            return await BackOffAsync(close, message.DeliveryCount, exception, cancellationToken);
        }
        catch (PaymentProviderRejectedException exception)
        {
            return Settlement.DeadLetter("ProviderRejected", exception.Message);
        }
    }

    private async Task<Settlement> BackOffAsync(
        CloseOrderMessage close, int deliveryCount, DependencyUnavailableException failure, CancellationToken cancellationToken)
    {
        var retry = retryPolicy.Decide(deliveryCount, close.Attempt);
        switch (retry.Action)
        {
            case CloseRetryAction.Abandon:
                logger.LogWarning(failure, "Close of {OutTradeNo} (attempt {Attempt}) hit a transient failure on delivery {DeliveryCount}; abandoning for redelivery",
                    close.OutTradeNo, close.Attempt, deliveryCount);
                return Settlement.Abandon;
            case CloseRetryAction.GiveUp:
                return Settlement.DeadLetter("RetriesExhausted",
                    $"The close of {close.OutTradeNo} failed on every delivery of {close.Attempt + 1} attempts; the last failure: {failure.Message}");
        }

        try
        {
            await scheduler.ScheduleAsync(CloseSchedule.Retry(close.OutTradeNo, close.PayDeadline, retry.Attempt, retry.DueAt), cancellationToken);
        }
        catch (DependencyUnavailableException exception)
        {
            logger.LogWarning(exception, "Close of {OutTradeNo} could not be rescheduled; abandoning for redelivery", close.OutTradeNo);
            return Settlement.Abandon;
        }
        logger.LogWarning(failure, "Close of {OutTradeNo} (attempt {Attempt}) hit a transient failure on delivery {DeliveryCount}; retrying as attempt {NextAttempt} at {DueAt:o}",
            close.OutTradeNo, close.Attempt, deliveryCount, retry.Attempt, retry.DueAt);
        return Settlement.Complete;
    }

    /// <summary>Looks at the order again shortly rather than close the trade under a buyer who is paying.</summary>
    private async Task<Settlement> RecheckAsync(CloseOrderMessage close, CancellationToken cancellationToken)
    {
        var recheck = retryPolicy.DecideRecheck(close.Attempt);
        if (recheck.Action == CloseRetryAction.GiveUp)
        {
            return Settlement.DeadLetter("BuyerStillPaying",
                $"The buyer of {close.OutTradeNo} was still paying after {close.Attempt + 1} looks; the order is left NEW.");
        }
        await scheduler.ScheduleAsync(CloseSchedule.Retry(close.OutTradeNo, close.PayDeadline, recheck.Attempt, recheck.DueAt), cancellationToken);
        logger.LogInformation("Close of {OutTradeNo} looks again at {DueAt:o} as attempt {NextAttempt}: its buyer is paying",
            close.OutTradeNo, recheck.DueAt, recheck.Attempt);
        return Settlement.Complete;
    }

    /// <summary>
    /// A scheduled message that the queue delivered on time but that our clock sees early shows how far the queue's
    /// clock runs ahead; a message sent without a schedule (a manual resend) shows nothing.
    /// </summary>
    private TimeSpan QueueClockLead(ServiceBusReceivedMessage message) =>
        message.ScheduledEnqueueTime == default ? TimeSpan.Zero : message.ScheduledEnqueueTime - clock.GetUtcNow();

    private void LogOutcome(string outTradeNo, int deliveryCount, CloseOutcome outcome)
    {
        if (outcome.Decision == CloseDecision.OrderNotFound)
        {
            logger.LogWarning("Close message for unknown order {OutTradeNo} (delivery {DeliveryCount}): completing", outTradeNo, deliveryCount);
            return;
        }
        logger.LogInformation("Close of {OutTradeNo} on delivery {DeliveryCount}: {Decision}, order {State}, deadline {PayDeadline:o}",
            outTradeNo, deliveryCount, outcome.Decision, outcome.Order?.State, outcome.Order?.PayDeadline);
    }

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
