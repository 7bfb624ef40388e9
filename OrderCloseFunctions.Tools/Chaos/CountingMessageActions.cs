using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using OrderClose.Messaging;

namespace OrderClose.Tools.Chaos;

/// <summary>
/// Settles through the queue's own actions, counting the abandons, and the backoff reschedules as the queue delivered
/// them: a message whose body says attempt 1 or later, on its first delivery. Read from the body, so a scheduler that
/// lost the attempt shows as no reschedules at all.
/// </summary>
public sealed class CountingMessageActions(ServiceBusMessageActions inner, ChaosCounts counts) : ServiceBusMessageActions
{
    public override async Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
    {
        await inner.CompleteMessageAsync(message, cancellationToken);
        CountReschedule(message);
    }

    public override async Task AbandonMessageAsync(
        ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default,
        CancellationToken cancellationToken = default)
    {
        await inner.AbandonMessageAsync(message, propertiesToModify, cancellationToken);
        counts.Abandoned();
        CountReschedule(message);
    }

    public override async Task DeadLetterMessageAsync(
        ServiceBusReceivedMessage message,
        Dictionary<string, object>? propertiesToModify = default,
        string? deadLetterReason = default,
        string? deadLetterErrorDescription = default,
        CancellationToken cancellationToken = default)
    {
        await inner.DeadLetterMessageAsync(message, propertiesToModify, deadLetterReason, deadLetterErrorDescription, cancellationToken);
        CountReschedule(message);
    }

    private void CountReschedule(ServiceBusReceivedMessage message)
    {
        if (message.DeliveryCount == 1 && CloseOrderMessage.TryParse(message.Body, out _) is { Attempt: > 0 })
        {
            counts.Rescheduled();
        }
    }

    public override Task DeferMessageAsync(
        ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default,
        CancellationToken cancellationToken = default) =>
        inner.DeferMessageAsync(message, propertiesToModify, cancellationToken);

    public override Task RenewMessageLockAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        inner.RenewMessageLockAsync(message, cancellationToken);
}
