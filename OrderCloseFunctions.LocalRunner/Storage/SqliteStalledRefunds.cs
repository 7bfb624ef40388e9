using OrderClose.Contracts;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Storage;

namespace OrderClose.LocalRunner.Storage;

/// <summary>
/// The orders with a refund PENDING since before a cutoff in the SQLite store, as <see cref="CosmosStalledRefunds"/> finds
/// them in Cosmos DB: by <c>refund.requestedAt</c>, read from the stored document through a partial index on that
/// expression (only orders with a PENDING refund are in it). Keyset-paged on (requested at, id), oldest first.
/// </summary>
public sealed class SqliteStalledRefunds(SqliteDatabase database) : IStalledRefunds
{
    public const string Schema = """
        CREATE INDEX IF NOT EXISTS orders_refund_pending
            ON orders (json_extract(document, '$.refund.requestedAt'), id)
            WHERE json_extract(document, '$.refund.status') = 'PENDING';
        """;

    public const string Query = """
        SELECT id, json_extract(document, '$.refund.requestedAt') FROM orders
        WHERE json_extract(document, '$.refund.status') = 'PENDING'
          AND json_extract(document, '$.refund.requestedAt') < @cutoff
          AND (json_extract(document, '$.refund.requestedAt'), id) > (@afterKey, @afterId)
        ORDER BY json_extract(document, '$.refund.requestedAt'), id
        LIMIT @max
        """;

    public Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken) =>
        SqliteOrderQuery.PageAsync(database, Query, max, continuation, ("@cutoff", UtcTimestampConverter.Format(cutoff)));
}
