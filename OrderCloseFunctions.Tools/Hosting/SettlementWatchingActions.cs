using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;

namespace OrderClose.Tools.Hosting;

/// <summary>Settles through the queue's own actions and tells <see cref="Settled"/> of each message settled, once the settlement took.</summary>
public abstract class SettlementWatchingActions(ServiceBusMessageActions inner) : ServiceBusMessageActions
{
    /// <param name="abandoned">True for an abandon; false for a complete or a dead letter.</param>
    protected abstract void Settled(ServiceBusReceivedMessage message, bool abandoned);

    public override async Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
    {
        await inner.CompleteMessageAsync(message, cancellationToken);
        Settled(message, abandoned: false);
    }

    public override async Task AbandonMessageAsync(
        ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default,
        CancellationToken cancellationToken = default)
    {
        await inner.AbandonMessageAsync(message, propertiesToModify, cancellationToken);
        Settled(message, abandoned: true);
    }

    public override async Task DeadLetterMessageAsync(
        ServiceBusReceivedMessage message,
        Dictionary<string, object>? propertiesToModify = default,
        string? deadLetterReason = default,
        string? deadLetterErrorDescription = default,
        CancellationToken cancellationToken = default)
    {
        await inner.DeadLetterMessageAsync(message, propertiesToModify, deadLetterReason, deadLetterErrorDescription, cancellationToken);
        Settled(message, abandoned: false);
    }

    public override Task DeferMessageAsync(
        ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default,
        CancellationToken cancellationToken = default) =>
        inner.DeferMessageAsync(message, propertiesToModify, cancellationToken);

    public override Task RenewMessageLockAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        inner.RenewMessageLockAsync(message, cancellationToken);
}
