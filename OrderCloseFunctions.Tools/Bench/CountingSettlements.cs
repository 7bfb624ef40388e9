using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;

namespace OrderClose.Tools.Bench;

/// <summary>Counts the delivered messages a function settled: completed, abandoned or dead-lettered.</summary>
public sealed class CountingSettlements(ServiceBusMessageActions inner, CallCounts counts) : ServiceBusMessageActions
{
    public override async Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
    {
        await inner.CompleteMessageAsync(message, cancellationToken);
        counts.Settlement();
    }

    public override async Task AbandonMessageAsync(
        ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default,
        CancellationToken cancellationToken = default)
    {
        await inner.AbandonMessageAsync(message, propertiesToModify, cancellationToken);
        counts.Settlement();
    }

    public override async Task DeadLetterMessageAsync(
        ServiceBusReceivedMessage message,
        Dictionary<string, object>? propertiesToModify = default,
        string? deadLetterReason = default,
        string? deadLetterErrorDescription = default,
        CancellationToken cancellationToken = default)
    {
        await inner.DeadLetterMessageAsync(message, propertiesToModify, deadLetterReason, deadLetterErrorDescription, cancellationToken);
        counts.Settlement();
    }

    public override Task DeferMessageAsync(
        ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default,
        CancellationToken cancellationToken = default) =>
        inner.DeferMessageAsync(message, propertiesToModify, cancellationToken);

    public override Task RenewMessageLockAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        inner.RenewMessageLockAsync(message, cancellationToken);
}
