using System.Globalization;
using System.Text.Json;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Contracts;

namespace OrderClose.LocalRunner.Storage;

/// <summary>
/// Orders in SQLite, one row per order holding the same document Cosmos DB stores. The ETag is a version
/// column: a replace is an <c>UPDATE ... WHERE etag = @etag</c>, so each move of an order happens once.
/// </summary>
public sealed class SqliteOrderStore(SqliteDatabase database) : IOrderStore
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS orders (
            id       TEXT    NOT NULL PRIMARY KEY,
            etag     INTEGER NOT NULL,
            document TEXT    NOT NULL
        );
        """;

    public Task<StoredOrder?> FindAsync(string outTradeNo, CancellationToken cancellationToken) =>
        database.ReadAsync(db =>
        {
            using var reader = db.Command("SELECT etag, document FROM orders WHERE id = @id", ("@id", outTradeNo)).ExecuteReader();
            return reader.Read() ? new StoredOrder(Read(reader.GetString(1)), ETag(reader.GetInt64(0))) : null;
        });

    public Task<StoredOrder?> TryCreateAsync(Order order, CancellationToken cancellationToken)
    {
        var document = Write(order);
        return database.WriteAsync(db =>
        {
            var inserted = db.Command(
                "INSERT INTO orders (id, etag, document) VALUES (@id, 1, @document) ON CONFLICT (id) DO NOTHING",
                ("@id", order.OutTradeNo), ("@document", document)).ExecuteNonQuery();
            return inserted == 1 ? new StoredOrder(order, ETag(1)) : null;
        });
    }

    public Task<StoredOrder?> TryReplaceAsync(StoredOrder current, Order next, CancellationToken cancellationToken)
    {
        if (next.OutTradeNo != current.Order.OutTradeNo)
        {
            throw new ArgumentException($"Cannot replace order {current.Order.OutTradeNo} with order {next.OutTradeNo}.", nameof(next));
        }
        if (!long.TryParse(current.ETag, NumberStyles.None, CultureInfo.InvariantCulture, out var etag))
        {
            return Task.FromResult<StoredOrder?>(null);
        }

        var document = Write(next);
        return database.WriteAsync(db =>
        {
            var version = db.Command(
                "UPDATE orders SET etag = etag + 1, document = @document WHERE id = @id AND etag = @etag RETURNING etag",
                ("@id", next.OutTradeNo), ("@etag", etag), ("@document", document)).ExecuteScalar();
            return version is long written ? new StoredOrder(next, ETag(written)) : null;
        });
    }

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static string Write(Order order) => JsonSerializer.Serialize(OrderDocument.From(order), DocumentJson.Options);

    private static Order Read(string document) =>
        (JsonSerializer.Deserialize<OrderDocument>(document, DocumentJson.Options)
         ?? throw new InvalidDataException("A stored order document is JSON null.")).ToOrder();
}
