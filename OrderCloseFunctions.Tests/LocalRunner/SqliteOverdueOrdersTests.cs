using OrderClose.LocalRunner.Storage;
using OrderClose.Orders;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.LocalRunner;

/// <summary>The runner's overdue query: NEW orders due before the cutoff, by deadline, a page at a time, through its index.</summary>
public sealed class SqliteOverdueOrdersTests : IDisposable
{
    private static readonly DateTimeOffset Cutoff = TestOrders.Deadline.AddMinutes(10);

    private readonly SqliteDatabase _database = SqliteDatabase.Open(null, "orders", SqliteOrderStore.Schema + SqliteOverdueOrders.Schema);
    private readonly SqliteOrderStore _store;
    private readonly SqliteOverdueOrders _overdue;

    public SqliteOverdueOrdersTests()
    {
        _store = new SqliteOrderStore(_database);
        _overdue = new SqliteOverdueOrders(_database);
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task It_finds_only_new_orders_due_before_the_cutoff_earliest_first()
    {
        await Store(TestOrders.New("LATE", TestOrders.Deadline.AddMinutes(5)));
        await Store(TestOrders.New("EARLY", TestOrders.Deadline));
        await Store(TestOrders.New("NOT-YET", Cutoff));
        await Store(TestOrders.New("PAID", TestOrders.Deadline).MarkPaid(TestOrders.PaidAt));
        await Store(TestOrders.New("CANCELLED", TestOrders.Deadline).Cancel(TestOrders.Deadline, CloseUnpaidOrder.PaymentTimeoutReason));

        var page = await _overdue.FindAsync(Cutoff, 10, null, CancellationToken.None);

        Assert.Equal(["EARLY", "LATE"], page.OutTradeNos);
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task It_pages_through_orders_with_the_same_deadline_without_skipping_or_repeating_any()
    {
        foreach (var number in new[] { "A", "B", "C", "D", "E" })
        {
            await Store(TestOrders.New(number, TestOrders.Deadline));
        }

        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await _overdue.FindAsync(Cutoff, 2, continuation, CancellationToken.None);
            seen.AddRange(page.OutTradeNos);
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(["A", "B", "C", "D", "E"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task A_continuation_the_store_did_not_hand_out_is_refused_not_read_as_the_start()
    {
        await Store(TestOrders.New("A", TestOrders.Deadline));

        await Assert.ThrowsAsync<InvalidContinuationException>(() => _overdue.FindAsync(Cutoff, 10, "A", CancellationToken.None));
    }

    [Fact]
    public async Task The_query_is_served_by_the_state_and_deadline_index()
    {
        var plan = await SqliteQueryPlan.ExplainAsync(_database, SqliteOverdueOrders.Query, ("@state", "NEW"), ("@cutoff", "2030"), ("@afterKey", ""), ("@afterId", ""), ("@max", 10));

        Assert.Contains("INDEX orders_state_deadline", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    private async Task Store(Order order) => Assert.NotNull(await _store.TryCreateAsync(order, CancellationToken.None));
}
