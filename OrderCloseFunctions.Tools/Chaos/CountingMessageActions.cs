using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;

namespace OrderClose.Tools.Chaos;

/// <summary>Settles through the queue's own actions, counting the abandons.</summary>
public sealed class CountingMessageActions(ServiceBusMessageActions inner, ChaosCounts counts) : ServiceBusMessageActions
{
    public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        inner.CompleteMessageAsync(message, cancellationToken);

    public override async Task AbandonMessageAsync(
        ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default,
        CancellationToken cancellationToken = default)
    {
        await inner.AbandonMessageAsync(message, propertiesToModify, cancellationToken);
        counts.Abandoned();
    }

    public override Task DeadLetterMessageAsync(
        ServiceBusReceivedMessage message,
        Dictionary<string, object>? propertiesToModify = default,
        string? deadLetterReason = default,
        string? deadLetterErrorDescription = default,
        CancellationToken cancellationToken = default) =>
        inner.DeadLetterMessageAsync(message, propertiesToModify, deadLetterReason, deadLetterErrorDescription, cancellationToken);

    public override Task DeferMessageAsync(
        ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default,
        CancellationToken cancellationToken = default) =>
        inner.DeferMessageAsync(message, propertiesToModify, cancellationToken);

    public override Task RenewMessageLockAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        inner.RenewMessageLockAsync(message, cancellationToken);
}
