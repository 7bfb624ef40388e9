using OrderClose.Contracts;
using OrderClose.Orders.Ports;
using OrderClose.Storage;

namespace OrderClose.LocalRunner.Storage;

/// <summary>
/// The orders with events still unpublished in the SQLite store, as <see cref="CosmosPendingOrderEvents"/> finds them in
/// Cosmos DB: by <c>eventsPendingSince</c>, read from the stored document through a partial index on that expression (only
/// orders with a pending event are in it). Keyset-paged on (pending since, id), oldest first.
/// </summary>
public sealed class SqlitePendingOrderEvents(SqliteDatabase database) : IPendingOrderEvents
{
    public const string Schema = """
        CREATE INDEX IF NOT EXISTS orders_events_pending
            ON orders (json_extract(document, '$.eventsPendingSince'), id)
            WHERE json_extract(document, '$.eventsPendingSince') IS NOT NULL;
        """;

    public const string Query = """
        SELECT id, json_extract(document, '$.eventsPendingSince') FROM orders
        WHERE json_extract(document, '$.eventsPendingSince') IS NOT NULL
          AND json_extract(document, '$.eventsPendingSince') < @cutoff
          AND (json_extract(document, '$.eventsPendingSince'), id) > (@afterKey, @afterId)
        ORDER BY json_extract(document, '$.eventsPendingSince'), id
        LIMIT @max
        """;

    public Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken) =>
        SqliteOrderQuery.PageAsync(database, Query, max, continuation, ("@cutoff", UtcTimestampConverter.Format(cutoff)));
}
