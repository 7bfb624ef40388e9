using OrderClose.LocalRunner.Storage;

namespace OrderClose.LocalRunner.Events;

/// <summary>
/// How far the webhook delivered the local topic, per receiver URL, in the topic's database: a restart resumes after
/// the last event a receiver acknowledged, and a new URL is sent every event from the start.
/// </summary>
public sealed class WebhookCursor(SqliteDatabase database)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS webhook_cursor (
            url       TEXT    NOT NULL PRIMARY KEY,
            delivered INTEGER NOT NULL
        );
        """;

    /// <summary>The sequence number of the last event <paramref name="url"/> acknowledged; 0 for none.</summary>
    public Task<long> DeliveredAsync(Uri url) => database.ReadAsync(db =>
        db.Command("SELECT delivered FROM webhook_cursor WHERE url = @url", ("@url", url.ToString())).ExecuteScalar() as long? ?? 0);

    public Task AdvanceAsync(Uri url, long delivered) => database.WriteAsync(db =>
        db.Command("""
            INSERT INTO webhook_cursor (url, delivered) VALUES (@url, @delivered)
            ON CONFLICT (url) DO UPDATE SET delivered = MAX(delivered, excluded.delivered)
            """, ("@url", url.ToString()), ("@delivered", delivered)).ExecuteNonQuery());
}
