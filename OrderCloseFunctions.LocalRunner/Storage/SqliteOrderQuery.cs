using OrderClose.Contracts;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Storage;

/// <summary>
/// One keyset page of a query that selects <c>id</c> and its sort key (a timestamp, which holds no space) from the orders,
/// ordered by (key, id), after <c>@afterKey</c>, <c>@afterId</c>, at most <c>@max</c>. The continuation is the last
/// (key, id) returned, so an order that leaves the result between pages shifts nothing. A continuation of any other form
/// is refused (<see cref="InvalidContinuationException"/>), not read as the start.
/// </summary>
internal static class SqliteOrderQuery
{
    public static Task<OverduePage> PageAsync(
        SqliteDatabase database, string query, int max, string? continuation, params (string Name, object? Value)[] filters)
    {
        var (afterKey, afterId) = continuation is null ? ("", "") : Parse(continuation);
        (string, object?)[] parameters = [.. filters, ("@afterKey", afterKey), ("@afterId", afterId), ("@max", max)];
        return database.ReadAsync(db =>
        {
            using var reader = db.Command(query, parameters).ExecuteReader();
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

    private static (string Key, string Id) Parse(string continuation) =>
        continuation.Split(' ', 2) is [var key, var id] && UtcTimestampConverter.IsFormatted(key) && OutTradeNumbers.IsValid(id)
            ? (key, id)
            : throw new InvalidContinuationException("The continuation is not a (timestamp, order number) this store handed out.");
}
