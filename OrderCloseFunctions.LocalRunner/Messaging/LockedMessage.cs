namespace OrderClose.LocalRunner.Messaging;

/// <summary>A message received from the local close queue, locked for its receiver until <paramref name="LockedUntil"/>.</summary>
public sealed record LockedMessage(
    long SequenceNumber,
    string MessageId,
    string? ContentType,
    BinaryData Body,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset ScheduledAt,
    int DeliveryCount,
    Guid LockToken,
    DateTimeOffset LockedUntil);

/// <summary>A message parked in the dead-letter queue, with why.</summary>
public sealed record DeadLetteredMessage(long SequenceNumber, string MessageId, int DeliveryCount, string Reason, string? Description);
