// Declared mode only: the settlement surface of the official ServiceBusMessageActions, which functions call
// and tests substitute. Settling for real needs the host extension's gRPC channel.
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker.Converters;

namespace Microsoft.Azure.Functions.Worker;

[InputConverter(typeof(ServiceBusMessageActionsConverter))]
public class ServiceBusMessageActions
{
    protected ServiceBusMessageActions()
    {
    }

    public virtual Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        throw NotHosted();

    public virtual Task AbandonMessageAsync(
        ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default,
        CancellationToken cancellationToken = default) =>
        throw NotHosted();

    public virtual Task DeadLetterMessageAsync(
        ServiceBusReceivedMessage message,
        Dictionary<string, object>? propertiesToModify = default,
        string? deadLetterReason = default,
        string? deadLetterErrorDescription = default,
        CancellationToken cancellationToken = default) =>
        throw NotHosted();

    public virtual Task DeferMessageAsync(
        ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default,
        CancellationToken cancellationToken = default) =>
        throw NotHosted();

    public virtual Task RenewMessageLockAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        throw NotHosted();

    private static NotSupportedException NotHosted() => new(
        "Settlement needs the official Service Bus extension; this build declares its API only (ServiceBusExtension=Declared).");
}
