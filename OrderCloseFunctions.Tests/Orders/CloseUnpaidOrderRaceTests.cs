using NSubstitute;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Orders;

/// <summary>Whatever races the close, the order moves at most once and is never cancelled after it was paid.</summary>
public sealed class CloseUnpaidOrderRaceTests : IDisposable
{
    private readonly CloseUnpaidOrderHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_payment_stored_just_before_the_cancel_supersedes_it()
    {
        _h.Store.Add(TestOrders.New());
        _h.Store.BeforeNextReplace(_h.PayBehindTheBackAsync);

        var outcome = await _h.HandleAsync();

        Assert.Equal(CloseDecision.Superseded, outcome.Decision);
        Assert.Equal(OrderState.Paid, outcome.Order?.State);
        Assert.Equal(OrderState.Paid, _h.Stored().State);
        _h.AssertNothingCancelledCounted();
    }

    [Fact]
    public async Task A_payment_stored_just_before_the_close_marks_it_paid_is_not_counted_again()
    {
        _h.Store.Add(TestOrders.New());
        _h.Provider.QueryAsync(default!, default).ReturnsForAnyArgs(new TradeQuery(TradeState.Paid, TestOrders.PaidAt));
        _h.Store.BeforeNextReplace(_h.PayBehindTheBackAsync);

        var outcome = await _h.HandleAsync();

        Assert.Equal(CloseDecision.Superseded, outcome.Decision);
        Assert.Equal(1, _h.Store.MoveCount);
        Assert.Empty(_h.Metrics.Paid.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_duplicate_delivery_is_AlreadySettled_and_closes_the_trade_once()
    {
        _h.Store.Add(TestOrders.New());

        var first = await _h.HandleAsync();
        var second = await _h.HandleAsync();

        Assert.Equal(CloseDecision.Cancelled, first.Decision);
        Assert.Equal(new CloseOutcome(CloseDecision.AlreadySettled, first.Order!.Published(CloseUnpaidOrderHarness.Now)), second);
        await _h.Provider.ReceivedWithAnyArgs(1).CloseAsync(default!, default);
        Assert.Equal(1, _h.Store.MoveCount);
        Assert.Single(_h.Metrics.Cancelled.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Concurrent_deliveries_cancel_the_order_once()
    {
        _h.Store.Add(TestOrders.New());
        var bothQuerying = new Rendezvous(2);
        _h.Provider.QueryAsync(default!, default).ReturnsForAnyArgs(async _ =>
        {
            await bothQuerying.ArriveAsync();
            return new TradeQuery(TradeState.AwaitingPayment);
        });

        var outcomes = await Task.WhenAll(_h.HandleAsync(), _h.HandleAsync());

        Assert.Equal([CloseDecision.Cancelled, CloseDecision.Superseded], outcomes.Select(o => o.Decision).Order());
        Assert.All(outcomes, outcome => Assert.Equal(OrderState.Cancelled, outcome.Order?.State));
        Assert.Equal(1, _h.Store.MoveCount);
        Assert.Single(_h.Metrics.Cancelled.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_lost_replace_that_leaves_the_order_NEW_is_transient()
    {
        _h.Store.Add(TestOrders.New());
        // Somebody rewrote the order without settling it: the close has not happened and must run again.
        _h.Store.BeforeNextReplace(() =>
        {
            var current = _h.Store.Peek(TestOrders.Number)!;
            return _h.Store.TryReplaceAsync(current, current.Order, CancellationToken.None);
        });

        await Assert.ThrowsAsync<DependencyUnavailableException>(_h.HandleAsync);

        Assert.Equal(OrderState.New, _h.Stored().State);
        _h.AssertNothingCancelledCounted();
    }
}
