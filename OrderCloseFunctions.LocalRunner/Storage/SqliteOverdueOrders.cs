using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Contracts;

namespace OrderClose.LocalRunner.Storage;

/// <summary>
/// The overdue NEW orders in the SQLite store, as <see cref="CosmosOverdueOrders"/> finds them in Cosmos DB: by state
/// and deadline, read from the stored document through an index on those expressions. Keyset-paged on (deadline, id)
/// by <see cref="SqliteOrderQuery"/>.
/// </summary>
public sealed class SqliteOverdueOrders(SqliteDatabase database) : IOverdueOrders
{
    public const string Schema = """
        CREATE INDEX IF NOT EXISTS orders_state_deadline
            ON orders (json_extract(document, '$.state'), json_extract(document, '$.payDeadline'), id);
        """;

    public const string Query = """
        SELECT id, json_extract(document, '$.payDeadline') FROM orders
        WHERE json_extract(document, '$.state') = @state
          AND json_extract(document, '$.payDeadline') < @cutoff
          AND (json_extract(document, '$.payDeadline'), id) > (@afterKey, @afterId)
        ORDER BY json_extract(document, '$.payDeadline'), id
        LIMIT @max
        """;

    public Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken) =>
        SqliteOrderQuery.PageAsync(database, Query, max, continuation,
            ("@state", OrderStateNames.Name(OrderState.New)), ("@cutoff", UtcTimestampConverter.Format(cutoff)));
}
