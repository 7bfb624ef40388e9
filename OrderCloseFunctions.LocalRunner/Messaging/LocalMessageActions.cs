using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;

namespace OrderClose.LocalRunner.Messaging;

/// <summary>
/// Settles messages against the local queue, as the host's <see cref="ServiceBusMessageActions"/> settles them against
/// Service Bus: by lock token, failing with <see cref="ServiceBusFailureReason.MessageLockLost"/> when the lock is gone.
/// </summary>
public sealed class LocalMessageActions(SqliteCloseQueue queue) : ServiceBusMessageActions
{
    public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        SettleAsync(message, queue.CompleteAsync(message.SequenceNumber, Token(message)));

    public override Task AbandonMessageAsync(
        ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default,
        CancellationToken cancellationToken = default) =>
        SettleAsync(message, queue.AbandonAsync(message.SequenceNumber, Token(message)));

    public override Task DeadLetterMessageAsync(
        ServiceBusReceivedMessage message,
        Dictionary<string, object>? propertiesToModify = default,
        string? deadLetterReason = default,
        string? deadLetterErrorDescription = default,
        CancellationToken cancellationToken = default) =>
        SettleAsync(message, queue.DeadLetterAsync(message.SequenceNumber, Token(message), deadLetterReason ?? "", deadLetterErrorDescription));

    public override Task DeferMessageAsync(
        ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The local close queue does not defer messages; CloseOrder never does.");

    public override Task RenewMessageLockAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        SettleAsync(message, RenewAsync(message));

    private async Task<bool> RenewAsync(ServiceBusReceivedMessage message) =>
        await queue.RenewLockAsync(message.SequenceNumber, Token(message)) is not null;

    private static Guid Token(ServiceBusReceivedMessage message) => Guid.Parse(message.LockToken);

    private static async Task SettleAsync(ServiceBusReceivedMessage message, Task<bool> settlement)
    {
        if (!await settlement)
        {
            throw new ServiceBusException(
                $"The lock on message #{message.SequenceNumber} ({message.MessageId}) was lost: it expired, or the message was settled.",
                ServiceBusFailureReason.MessageLockLost);
        }
    }
}
