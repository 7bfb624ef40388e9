using OrderClose.Orders.Ports;
using OrderClose.Storage;

namespace OrderClose.LocalRunner.Storage;

/// <summary>
/// The orders whose refund is PENDING, FAILED or MANUAL in the SQLite store, as <see cref="CosmosOutstandingRefunds"/>
/// finds them in Cosmos DB: read from the stored document through a partial index on (<c>refund.requestedAt</c>, id) that
/// holds only those orders. Keyset-paged on (requested at, id), the oldest request first.
/// </summary>
public sealed class SqliteOutstandingRefunds(SqliteDatabase database) : IOutstandingRefunds
{
    public const string Schema = """
        CREATE INDEX IF NOT EXISTS orders_refund_outstanding
            ON orders (json_extract(document, '$.refund.requestedAt'), id)
            WHERE json_extract(document, '$.refund.status') IN ('PENDING', 'FAILED', 'MANUAL');
        """;

    public const string Query = """
        SELECT id, json_extract(document, '$.refund.requestedAt') FROM orders
        WHERE json_extract(document, '$.refund.status') IN ('PENDING', 'FAILED', 'MANUAL')
          AND (json_extract(document, '$.refund.requestedAt'), id) > (@afterKey, @afterId)
        ORDER BY json_extract(document, '$.refund.requestedAt'), id
        LIMIT @max
        """;

    public Task<OverduePage> FindAsync(int max, string? continuation, CancellationToken cancellationToken) =>
        SqliteOrderQuery.PageAsync(database, Query, max, continuation);
}
