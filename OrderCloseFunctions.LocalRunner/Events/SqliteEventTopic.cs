using OrderClose.LocalRunner.Storage;

namespace OrderClose.LocalRunner.Events;

/// <summary>One event as the local topic holds it: its place in the topic, its id, and the CloudEvent JSON.</summary>
public sealed record TopicEvent(long Sequence, string Id, string Type, string Subject, string Json, long Duplicates);

/// <summary>
/// The runner's local <c>order-events</c> topic: a durable, append-only log in SQLite, read by sequence number. Like the
/// Service Bus topic's duplicate detection on MessageId, an event id published again is dropped (here for good, not for
/// a window) and only counted, so each event is in the log once. Every append is committed before it is acknowledged.
/// </summary>
public sealed class SqliteEventTopic(SqliteDatabase database, TopicAppended appended)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS events (
            sequence     INTEGER PRIMARY KEY AUTOINCREMENT,
            id           TEXT    NOT NULL UNIQUE,
            type         TEXT    NOT NULL,
            subject      TEXT    NOT NULL,
            json         TEXT    NOT NULL,
            published_at INTEGER NOT NULL,
            -- how many times it was published again after the first
            duplicates   INTEGER NOT NULL DEFAULT 0
        );
        """;

    /// <summary>Appends the event; true when it is new, false when its id was there already (a duplicate, counted).</summary>
    public async Task<bool> AppendAsync(string id, string type, string subject, string json, DateTimeOffset publishedAt)
    {
        var added = await database.WriteAsync(db => db.Command("""
            INSERT INTO events (id, type, subject, json, published_at) VALUES (@id, @type, @subject, @json, @at)
            ON CONFLICT (id) DO UPDATE SET duplicates = duplicates + 1
            RETURNING duplicates
            """, ("@id", id), ("@type", type), ("@subject", subject), ("@json", json), ("@at", publishedAt.ToUnixTimeMilliseconds()))
            .ExecuteScalar() is 0L);
        if (added)
        {
            appended.Signal();
        }
        return added;
    }

    /// <summary>Up to <paramref name="max"/> events after <paramref name="afterSequence"/>, in order.</summary>
    public Task<List<TopicEvent>> ReadAsync(long afterSequence, int max) => database.ReadAsync(db =>
    {
        using var reader = db.Command("""
            SELECT sequence, id, type, subject, json, duplicates FROM events WHERE sequence > @after ORDER BY sequence LIMIT @max
            """, ("@after", afterSequence), ("@max", max)).ExecuteReader();
        var events = new List<TopicEvent>();
        while (reader.Read())
        {
            events.Add(new TopicEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5)));
        }
        return events;
    });
}
