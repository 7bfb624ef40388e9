using OrderClose.Orders;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.TestDoubles;

/// <summary>The double must behave like the real store, or the use case tests prove nothing.</summary>
public sealed class InMemoryOrderStoreTests
{
    private readonly InMemoryOrderStore _store = new();
    private readonly Order _order = TestOrders.New();

    [Fact]
    public async Task Create_of_an_existing_number_returns_null_and_keeps_the_first()
    {
        var first = await _store.TryCreateAsync(_order, CancellationToken.None);

        var second = await _store.TryCreateAsync(_order with { Subject = "other" }, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(first, _store.Peek(_order.OutTradeNo));
    }

    [Fact]
    public async Task Every_write_gets_a_new_etag()
    {
        var created = _store.Add(_order);

        var replaced = await _store.TryReplaceAsync(created, _order, CancellationToken.None);

        Assert.NotNull(replaced);
        Assert.NotEqual(created.ETag, replaced.ETag);
    }

    [Fact]
    public async Task Replace_with_a_stale_etag_returns_null_and_changes_nothing()
    {
        var stale = _store.Add(_order);
        var current = await _store.TryReplaceAsync(stale, _order.MarkPaid(TestOrders.PaidAt), CancellationToken.None);

        var lost = await _store.TryReplaceAsync(stale, _order.Cancel(TestOrders.Deadline, "x"), CancellationToken.None);

        Assert.Null(lost);
        Assert.Equal(current, _store.Peek(_order.OutTradeNo));
        Assert.Equal(1, _store.ReplaceCount);
    }

    [Fact]
    public async Task An_injected_failure_is_thrown_once()
    {
        var failure = new DependencyUnavailableException("down");
        _store.FailNext(StoreOperation.Find, failure);

        var thrown = await Assert.ThrowsAsync<DependencyUnavailableException>(() => _store.FindAsync(_order.OutTradeNo, CancellationToken.None));
        var after = await _store.FindAsync(_order.OutTradeNo, CancellationToken.None);

        Assert.Same(failure, thrown);
        Assert.Null(after);
    }

    [Fact]
    public async Task The_action_before_the_next_replace_runs_once_between_read_and_compare()
    {
        var read = _store.Add(_order);
        var runs = 0;
        _store.BeforeNextReplace(async () =>
        {
            runs++;
            await _store.TryReplaceAsync(read, _order.MarkPaid(TestOrders.PaidAt), CancellationToken.None);
        });

        var lost = await _store.TryReplaceAsync(read, _order.Cancel(TestOrders.Deadline, "x"), CancellationToken.None);

        Assert.Null(lost);
        Assert.Equal(1, runs);
        Assert.Equal(OrderState.Paid, _store.Peek(_order.OutTradeNo)!.Order.State);
    }
}
