using OrderClose.LocalRunner.Storage;
using OrderClose.Orders;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.LocalRunner;

/// <summary>The SQLite store has the store's concurrency semantics: ETag-conditional replace, create-once.</summary>
public sealed class SqliteOrderStoreTests : IDisposable
{
    private readonly SqliteDatabase _database = SqliteDatabase.Open(null, "orders", SqliteOrderStore.Schema);
    private readonly SqliteOrderStore _store;

    public SqliteOrderStoreTests() => _store = new SqliteOrderStore(_database);

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task An_order_is_created_once_and_read_back_whole()
    {
        var order = TestOrders.New() with { OutTradeNo = "S1", ScheduledCloseHandle = 42 };

        var created = await _store.TryCreateAsync(order, CancellationToken.None);
        var again = await _store.TryCreateAsync(order, CancellationToken.None);
        var found = await _store.FindAsync("S1", CancellationToken.None);

        Assert.NotNull(created);
        Assert.Null(again);
        Assert.Equal(order, found!.Order);
        Assert.Equal(created.ETag, found.ETag);
        Assert.Null(await _store.FindAsync("S2", CancellationToken.None));
    }

    [Fact]
    public async Task A_replace_with_a_stale_etag_changes_nothing()
    {
        var created = (await _store.TryCreateAsync(TestOrders.New() with { OutTradeNo = "S1" }, CancellationToken.None))!;
        var paid = created.Order.MarkPaid(created.Order.CreatedAt.AddMinutes(1));

        var replaced = await _store.TryReplaceAsync(created, paid, CancellationToken.None);
        var stale = await _store.TryReplaceAsync(created, created.Order.Cancel(created.Order.PayDeadline, "PAYMENT_TIMEOUT"), CancellationToken.None);

        Assert.NotNull(replaced);
        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.Null(stale);
        Assert.Equal(OrderState.Paid, (await _store.FindAsync("S1", CancellationToken.None))!.Order.State);
    }
}
