using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Contracts;

namespace OrderClose.LocalRunner.Storage;

/// <summary>
/// The overdue NEW orders in the SQLite store, as <see cref="CosmosOverdueOrders"/> finds them in Cosmos DB: by state
/// and deadline, read from the stored document through an index on those expressions. Pages are keyset-paged on
/// (deadline, id), so an order that leaves NEW between pages shifts nothing.
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
          AND (json_extract(document, '$.payDeadline'), id) > (@afterDeadline, @afterId)
        ORDER BY json_extract(document, '$.payDeadline'), id
        LIMIT @max
        """;

    public Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken)
    {
        var (afterDeadline, afterId) = Position(continuation);
        return database.ReadAsync(db =>
        {
            using var reader = db.Command(Query, ("@state", OrderStateNames.Name(OrderState.New)), ("@cutoff", UtcTimestampConverter.Format(cutoff)),
                ("@afterDeadline", afterDeadline), ("@afterId", afterId), ("@max", max)).ExecuteReader();
            var ids = new List<string>(max);
            var last = "";
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
                last = $"{reader.GetString(1)} {reader.GetString(0)}";
            }
            return new OverduePage(ids, ids.Count == max ? last : null);
        });
    }

    /// <summary>A continuation is the last (deadline, id) returned; deadlines hold no space.</summary>
    private static (string Deadline, string Id) Position(string? continuation) =>
        continuation?.Split(' ', 2) is [var deadline, var id] ? (deadline, id) : ("", "");
}
