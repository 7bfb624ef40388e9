using Microsoft.Extensions.Options;
using OrderClose.LocalRunner.Storage;

namespace OrderClose.LocalRunner.Messaging;

/// <summary>
/// A durable queue with the Service Bus semantics the app relies on: scheduled messages with sequence numbers
/// (cancellable until due), duplicate detection on MessageId, peek-lock delivery (at least once: a message
/// whose lock expires is delivered again), abandon, complete, dead-letter, and a max delivery count.
/// Every state change is committed before anyone acts on it, so stopping the process loses nothing.
/// Times are Unix milliseconds.
/// </summary>
public sealed class SqliteCloseQueue(SqliteDatabase database, TimeProvider clock, DispatchWakeup wakeup, IOptions<CloseQueueOptions> options)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS messages (
            sequence_number         INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id              TEXT    NOT NULL,
            content_type            TEXT,
            body                    BLOB    NOT NULL,
            enqueued_at             INTEGER NOT NULL,
            scheduled_at            INTEGER NOT NULL,
            -- when it may be received next: its scheduled time, or the end of its lock
            visible_at              INTEGER NOT NULL,
            delivery_count          INTEGER NOT NULL DEFAULT 0,
            lock_token              TEXT,
            dead_letter_reason      TEXT,
            dead_letter_description TEXT
        );
        CREATE INDEX IF NOT EXISTS messages_visible ON messages (visible_at) WHERE dead_letter_reason IS NULL;
        CREATE TABLE IF NOT EXISTS recent_message_ids (
            message_id      TEXT    NOT NULL PRIMARY KEY,
            sequence_number INTEGER NOT NULL,
            expires_at      INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS recent_message_ids_expiry ON recent_message_ids (expires_at);
        """;

    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";

    private readonly CloseQueueOptions _options = options.Value;

    /// <summary>
    /// Schedules a message for <paramref name="scheduledAt"/> and returns its sequence number. A MessageId sent
    /// within the duplicate-detection window is dropped, and the first message's sequence number returned.
    /// </summary>
    public async Task<long> ScheduleAsync(string messageId, string contentType, BinaryData body, DateTimeOffset scheduledAt)
    {
        var now = Now();
        var bytes = body.ToArray();
        // Rounded up: delivered a fraction of a millisecond early, a close finds the order not due yet.
        var due = Math.Max(CeilingMilliseconds(scheduledAt), now);
        var sequenceNumber = await database.WriteAsync(db =>
        {
            if (db.Command("SELECT sequence_number FROM recent_message_ids WHERE message_id = @id AND expires_at > @now",
                    ("@id", messageId), ("@now", now)).ExecuteScalar() is long duplicateOf)
            {
                return duplicateOf;
            }
            var sent = (long)db.Command("""
                INSERT INTO messages (message_id, content_type, body, enqueued_at, scheduled_at, visible_at)
                VALUES (@id, @contentType, @body, @now, @due, @due) RETURNING sequence_number
                """, ("@id", messageId), ("@contentType", contentType), ("@body", bytes), ("@now", now), ("@due", due))
                .ExecuteScalar()!;
            db.Command("INSERT OR REPLACE INTO recent_message_ids (message_id, sequence_number, expires_at) VALUES (@id, @sequenceNumber, @expires)",
                ("@id", messageId), ("@sequenceNumber", sent), ("@expires", now + (long)_options.DuplicateDetectionWindow.TotalMilliseconds))
                .ExecuteNonQuery();
            return sent;
        });
        wakeup.Due(DateTimeOffset.FromUnixTimeMilliseconds(due));
        return sequenceNumber;
    }

    /// <summary>Cancels a scheduled message; false when it is no longer scheduled (due, delivered, settled or cancelled).</summary>
    public Task<bool> CancelScheduledAsync(long sequenceNumber) => database.WriteAsync(db =>
        db.Command("DELETE FROM messages WHERE sequence_number = @sequenceNumber AND scheduled_at > @now AND delivery_count = 0",
            ("@sequenceNumber", sequenceNumber), ("@now", Now())).ExecuteNonQuery() == 1);

    /// <summary>
    /// Locks and returns up to <paramref name="max"/> due messages, earliest first, counting the delivery. One whose
    /// deliveries are used up is dead-lettered instead (its last lock expired unsettled).
    /// </summary>
    public Task<List<LockedMessage>> ReceiveAsync(int max)
    {
        var now = Now();
        var lockedUntil = now + (long)_options.LockDuration.TotalMilliseconds;
        return database.WriteAsync(db =>
        {
            var candidates = new List<(long SequenceNumber, long DeliveryCount)>(max);
            using (var reader = db.Command("""
                       SELECT sequence_number, delivery_count FROM messages
                       WHERE dead_letter_reason IS NULL AND visible_at <= @now ORDER BY visible_at LIMIT @max
                       """, ("@now", now), ("@max", max)).ExecuteReader())
            {
                while (reader.Read())
                {
                    candidates.Add((reader.GetInt64(0), reader.GetInt64(1)));
                }
            }

            var received = new List<LockedMessage>(candidates.Count);
            foreach (var (sequenceNumber, deliveryCount) in candidates)
            {
                if (deliveryCount >= _options.MaxDeliveryCount)
                {
                    MarkDeadLettered(db, sequenceNumber, MaxDeliveryCountExceeded, ExhaustedDescription());
                    continue;
                }
                var token = Guid.NewGuid();
                using var reader = db.Command("""
                    UPDATE messages SET delivery_count = delivery_count + 1, lock_token = @token, visible_at = @lockedUntil
                    WHERE sequence_number = @sequenceNumber
                    RETURNING message_id, content_type, body, enqueued_at, scheduled_at, delivery_count
                    """, ("@token", token.ToString()), ("@lockedUntil", lockedUntil), ("@sequenceNumber", sequenceNumber)).ExecuteReader();
                reader.Read();
                received.Add(new LockedMessage(
                    sequenceNumber,
                    reader.GetString(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    BinaryData.FromBytes((byte[])reader.GetValue(2)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                    reader.GetInt32(5),
                    token,
                    DateTimeOffset.FromUnixTimeMilliseconds(lockedUntil)));
            }
            return received;
        });
    }

    /// <summary>Deletes a message its receiver is done with; false when the lock was lost (expired, or the message is gone).</summary>
    public Task<bool> CompleteAsync(long sequenceNumber, Guid lockToken) => database.WriteAsync(db =>
        db.Command("DELETE FROM messages WHERE sequence_number = @sequenceNumber AND lock_token = @token AND visible_at > @now",
            ("@sequenceNumber", sequenceNumber), ("@token", lockToken.ToString()), ("@now", Now())).ExecuteNonQuery() == 1);

    /// <summary>Releases the lock so the message is delivered again at once, or dead-lettered when its deliveries are used up.</summary>
    public async Task<bool> AbandonAsync(long sequenceNumber, Guid lockToken)
    {
        var now = Now();
        var abandoned = await database.WriteAsync(db => db.Command("""
            UPDATE messages SET lock_token = NULL, visible_at = @now,
                dead_letter_reason = CASE WHEN delivery_count >= @max THEN @reason END,
                dead_letter_description = CASE WHEN delivery_count >= @max THEN @description END
            WHERE sequence_number = @sequenceNumber AND lock_token = @token AND visible_at > @now
            """, ("@now", now), ("@max", _options.MaxDeliveryCount), ("@reason", MaxDeliveryCountExceeded),
            ("@description", ExhaustedDescription()), ("@sequenceNumber", sequenceNumber), ("@token", lockToken.ToString()))
            .ExecuteNonQuery() == 1);
        if (abandoned)
        {
            wakeup.Due(DateTimeOffset.FromUnixTimeMilliseconds(now));
        }
        return abandoned;
    }

    /// <summary>Moves a locked message to the dead-letter queue with a reason; false when the lock was lost.</summary>
    public Task<bool> DeadLetterAsync(long sequenceNumber, Guid lockToken, string reason, string? description) => database.WriteAsync(db =>
        db.Command("""
            UPDATE messages SET lock_token = NULL, dead_letter_reason = @reason, dead_letter_description = @description
            WHERE sequence_number = @sequenceNumber AND lock_token = @token AND visible_at > @now
            """, ("@reason", reason), ("@description", description), ("@sequenceNumber", sequenceNumber),
            ("@token", lockToken.ToString()), ("@now", Now())).ExecuteNonQuery() == 1);

    /// <summary>Extends a lock by the lock duration; null when it was lost.</summary>
    public async Task<DateTimeOffset?> RenewLockAsync(long sequenceNumber, Guid lockToken)
    {
        var now = Now();
        var lockedUntil = now + (long)_options.LockDuration.TotalMilliseconds;
        var renewed = await database.WriteAsync(db => db.Command(
            "UPDATE messages SET visible_at = @lockedUntil WHERE sequence_number = @sequenceNumber AND lock_token = @token AND visible_at > @now",
            ("@lockedUntil", lockedUntil), ("@sequenceNumber", sequenceNumber), ("@token", lockToken.ToString()), ("@now", now))
            .ExecuteNonQuery() == 1);
        return renewed ? DateTimeOffset.FromUnixTimeMilliseconds(lockedUntil) : null;
    }

    /// <summary>When the next message becomes receivable (scheduled, abandoned or with an expiring lock); null when the queue is empty.</summary>
    public Task<DateTimeOffset?> NextVisibleAtAsync() => database.ReadAsync(db =>
        db.Command("SELECT MIN(visible_at) FROM messages WHERE dead_letter_reason IS NULL").ExecuteScalar() is long next
            ? DateTimeOffset.FromUnixTimeMilliseconds(next)
            : (DateTimeOffset?)null);

    /// <summary>Forgets MessageIds older than the duplicate-detection window.</summary>
    public Task<int> ForgetExpiredMessageIdsAsync() => database.WriteAsync(db =>
        db.Command("DELETE FROM recent_message_ids WHERE expires_at <= @now", ("@now", Now())).ExecuteNonQuery());

    /// <summary>How many messages are scheduled or waiting for delivery (not dead-lettered).</summary>
    public Task<long> ActiveCountAsync() => database.ReadAsync(db =>
        (long)db.Command("SELECT COUNT(*) FROM messages WHERE dead_letter_reason IS NULL").ExecuteScalar()!);

    public Task<List<DeadLetteredMessage>> DeadLettersAsync() => database.ReadAsync(db =>
    {
        using var reader = db.Command("""
            SELECT sequence_number, message_id, delivery_count, dead_letter_reason, dead_letter_description
            FROM messages WHERE dead_letter_reason IS NOT NULL ORDER BY sequence_number
            """).ExecuteReader();
        var deadLetters = new List<DeadLetteredMessage>();
        while (reader.Read())
        {
            deadLetters.Add(new DeadLetteredMessage(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return deadLetters;
    });

    private static void MarkDeadLettered(SqliteSession db, long sequenceNumber, string reason, string description) =>
        db.Command("UPDATE messages SET lock_token = NULL, dead_letter_reason = @reason, dead_letter_description = @description WHERE sequence_number = @sequenceNumber",
            ("@reason", reason), ("@description", description), ("@sequenceNumber", sequenceNumber)).ExecuteNonQuery();

    private string ExhaustedDescription() => $"Message could not be consumed after {_options.MaxDeliveryCount} delivery attempts.";

    private static long CeilingMilliseconds(DateTimeOffset time) =>
        time.ToUnixTimeMilliseconds() + (time.Ticks % TimeSpan.TicksPerMillisecond == 0 ? 0 : 1);

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
