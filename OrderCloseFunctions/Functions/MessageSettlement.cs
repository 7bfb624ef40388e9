using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using OrderClose.Orders;

namespace OrderClose.Functions;

/// <summary>
/// How a Service Bus function with <c>AutoCompleteMessages = false</c> settles what it receives: the use case decides a
/// <see cref="Settlement"/>, which is carried out even if the host is stopping (the decision is made, the lock is still
/// ours); an unexpected failure abandons the message, so Service Bus delivers it again now rather than at lock expiry.
/// </summary>
internal static class MessageSettlement
{
    /// <param name="what">What the message asks, for spans and logs: <c>close</c>, <c>refund</c>.</param>
    /// <returns>How it was settled: <c>complete</c>, <c>abandon</c> or <c>dead_letter</c>.</returns>
    public static async Task<string> RunAsync(
        ServiceBusReceivedMessage message, ServiceBusMessageActions actions, string what, ILogger logger, Func<Task<Settlement>> decide)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["MessageId"] = message.MessageId,
            ["DeliveryCount"] = message.DeliveryCount,
        });

        Settlement settlement;
        try
        {
            settlement = await decide();
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "{What} message {MessageId} failed unexpectedly on delivery {DeliveryCount}; abandoning",
                what, message.MessageId, message.DeliveryCount);
            await actions.AbandonMessageAsync(message, cancellationToken: CancellationToken.None);
            throw;
        }
        return await SettleAsync(message, actions, settlement, what, logger);
    }

    private static async Task<string> SettleAsync(
        ServiceBusReceivedMessage message, ServiceBusMessageActions actions, Settlement settlement, string what, ILogger logger)
    {
        var none = CancellationToken.None;
        using var activity = Tracing.Source.StartActivity($"settle {what} message");
        activity?.SetTag("messaging.message.id", message.MessageId);
        activity?.SetTag("messaging.message.delivery_count", message.DeliveryCount);
        var settled = settlement switch
        {
            DeadLetterSettlement => "dead_letter",
            AbandonSettlement => "abandon",
            _ => "complete",
        };
        activity?.SetTag("orderclose.settlement", settled);
        switch (settlement)
        {
            case DeadLetterSettlement deadLetter:
                activity?.SetTag("orderclose.dead_letter_reason", deadLetter.Reason);
                logger.LogError("Dead-lettering {What} message {MessageId}: {Reason}: {Description}",
                    what, message.MessageId, deadLetter.Reason, deadLetter.Description);
                await actions.DeadLetterMessageAsync(message, deadLetterReason: deadLetter.Reason,
                    deadLetterErrorDescription: deadLetter.Description, cancellationToken: none);
                break;
            case AbandonSettlement:
                await actions.AbandonMessageAsync(message, cancellationToken: none);
                break;
            default:
                await actions.CompleteMessageAsync(message, none);
                break;
        }
        return settled;
    }
}
