using OrderClose.LocalRunner.Storage;
using OrderClose.Orders;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.LocalRunner;

/// <summary>The runner's query of orders with unpublished events: pending since before the cutoff, oldest first, a page at a time, through its index.</summary>
public sealed class SqlitePendingOrderEventsTests : IDisposable
{
    private static readonly DateTimeOffset Cutoff = TestOrders.Deadline.AddMinutes(10);

    private readonly SqliteDatabase _database = SqliteDatabase.Open(null, "orders", SqliteOrderStore.Schema + SqlitePendingOrderEvents.Schema);
    private readonly SqliteOrderStore _store;
    private readonly SqlitePendingOrderEvents _pending;

    public SqlitePendingOrderEventsTests()
    {
        _store = new SqliteOrderStore(_database);
        _pending = new SqlitePendingOrderEvents(_database);
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task It_finds_only_orders_with_an_event_unpublished_since_before_the_cutoff_oldest_first()
    {
        await Store(Cancelled("LATER", TestOrders.Deadline.AddMinutes(5)));
        await Store(Cancelled("EARLIER", TestOrders.Deadline));
        await Store(Cancelled("TOO-RECENT", Cutoff));
        await Store(Cancelled("PUBLISHED", TestOrders.Deadline).Published(Cutoff));
        await Store(TestOrders.New("NEW", TestOrders.Deadline));

        var page = await _pending.FindAsync(Cutoff, 10, null, CancellationToken.None);

        Assert.Equal(["EARLIER", "LATER"], page.OutTradeNos);
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task It_pages_through_orders_pending_since_the_same_time_without_skipping_or_repeating_any()
    {
        var numbers = Enumerable.Range(0, 7).Select(i => $"P{i}").ToList();
        foreach (var number in numbers)
        {
            await Store(Cancelled(number, TestOrders.Deadline));
        }

        var seen = new List<string>();
        string? continuation = null;
        do
        {
            var page = await _pending.FindAsync(Cutoff, 3, continuation, CancellationToken.None);
            seen.AddRange(page.OutTradeNos);
            continuation = page.Continuation;
        }
        while (continuation is not null);

        Assert.Equal(numbers, seen);
    }

    [Fact]
    public async Task The_query_is_served_by_the_partial_index_in_its_order()
    {
        var plan = await SqliteQueryPlan.ExplainAsync(_database, SqlitePendingOrderEvents.Query, ("@cutoff", "2030"), ("@afterKey", ""), ("@afterId", ""), ("@max", 10));

        Assert.Contains("INDEX orders_events_pending", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    private static Order Cancelled(string number, DateTimeOffset closedAt) =>
        TestOrders.New(number, TestOrders.Deadline).Cancel(closedAt, CloseUnpaidOrder.PaymentTimeoutReason);

    private async Task Store(Order order) => Assert.NotNull(await _store.TryCreateAsync(order, CancellationToken.None));
}
