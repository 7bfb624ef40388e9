using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.Orders;

public sealed class CloseUnpaidOrderTests : IDisposable
{
    private static readonly DateTimeOffset Now = CloseUnpaidOrderHarness.Now;

    private readonly CloseUnpaidOrderHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_missing_order_is_OrderNotFound_without_asking_the_provider()
    {
        var outcome = await _h.HandleAsync();

        Assert.Equal(new CloseOutcome(CloseDecision.OrderNotFound, null), outcome);
        await _h.AssertProviderUntouchedAsync();
    }

    [Theory]
    [InlineData(OrderState.Paid)]
    [InlineData(OrderState.Cancelled)]
    public async Task A_settled_order_is_AlreadySettled_without_asking_the_provider(OrderState state)
    {
        var settled = _h.Store.Add(TestOrders.In(state));

        var outcome = await _h.HandleAsync();

        Assert.Equal(new CloseOutcome(CloseDecision.AlreadySettled, settled.Order), outcome);
        Assert.Equal(settled, _h.Store.Peek(TestOrders.Number));
        await _h.AssertProviderUntouchedAsync();
    }

    [Fact]
    public async Task A_close_before_the_deadline_is_NotDue_and_changes_nothing()
    {
        // An early message, or this host's clock behind the scheduler's.
        var order = _h.Store.Add(TestOrders.New() with { PayDeadline = Now + TimeSpan.FromSeconds(1) });

        var outcome = await _h.HandleAsync();

        Assert.Equal(new CloseOutcome(CloseDecision.NotDue, order.Order), outcome);
        Assert.Equal(order, _h.Store.Peek(TestOrders.Number));
        await _h.AssertProviderUntouchedAsync();
    }

    [Fact]
    public async Task A_trade_whose_buyer_is_paying_is_BuyerPaying_left_NEW_and_not_closed()
    {
        var order = _h.Store.Add(TestOrders.New());
        _h.Provider.QueryAsync(default!, default).ReturnsForAnyArgs(new TradeQuery(TradeState.BuyerPaying));

        var outcome = await _h.HandleAsync();

        Assert.Equal(new CloseOutcome(CloseDecision.BuyerPaying, order.Order), outcome);
        Assert.Equal(order, _h.Store.Peek(TestOrders.Number));
        await _h.Provider.DidNotReceiveWithAnyArgs().CloseAsync(default!, default);
    }

    [Fact]
    public async Task A_close_right_at_the_deadline_is_due()
    {
        _h.Store.Add(TestOrders.New() with { PayDeadline = Now });

        var outcome = await _h.HandleAsync();

        Assert.Equal(CloseDecision.Cancelled, outcome.Decision);
    }

    [Fact]
    public async Task A_trade_the_provider_reports_paid_is_MarkedPaid_at_the_provider_time()
    {
        _h.Store.Add(TestOrders.New());
        _h.Provider.QueryAsync(default!, default).ReturnsForAnyArgs(new TradeQuery(TradeState.Paid, TestOrders.PaidAt));

        var outcome = await _h.HandleAsync();

        var expected = TestOrders.New().MarkPaid(TestOrders.PaidAt);
        Assert.Equal(new CloseOutcome(CloseDecision.MarkedPaid, expected), outcome);
        Assert.Equal(expected.Published(Now), _h.Stored());
        await _h.Provider.DidNotReceiveWithAnyArgs().CloseAsync(default!, default);
    }

    [Fact]
    public async Task A_paid_trade_without_a_time_is_marked_paid_now()
    {
        _h.Store.Add(TestOrders.New());
        _h.Provider.QueryAsync(default!, default).ReturnsForAnyArgs(new TradeQuery(TradeState.Paid));

        await _h.HandleAsync();

        Assert.Equal(Now, _h.Stored().PaidAt);
    }

    [Fact]
    public async Task A_payment_found_by_the_close_is_counted_as_such()
    {
        _h.Store.Add(TestOrders.New());
        _h.Provider.QueryAsync(default!, default).ReturnsForAnyArgs(new TradeQuery(TradeState.Paid, TestOrders.PaidAt));

        await _h.HandleAsync();

        var paid = Assert.Single(_h.Metrics.Paid.GetMeasurementSnapshot());
        Assert.Equal(TestOrders.PayType, paid.Tags["pay_type"]);
        Assert.Equal("close_query", paid.Tags["source"]);
        _h.AssertNothingCancelledCounted();
    }

    [Theory]
    [InlineData(TradeState.AwaitingPayment)]
    [InlineData(TradeState.NotExist)]
    [InlineData(TradeState.Closed)]
    public async Task An_unpaid_trade_is_closed_at_the_provider_then_the_order_CANCELLED(TradeState trade)
    {
        _h.Store.Add(TestOrders.New());
        _h.Provider.QueryAsync(default!, default).ReturnsForAnyArgs(new TradeQuery(trade));
        OrderState? stateWhenClosing = null;
        _h.Provider.CloseAsync(default!, default).ReturnsForAnyArgs(_ =>
        {
            stateWhenClosing = _h.Stored().State;
            return TradeCloseResult.Closed;
        });

        var outcome = await _h.HandleAsync();

        var expected = TestOrders.New().Cancel(Now, CloseUnpaidOrder.PaymentTimeoutReason);
        Assert.Equal(new CloseOutcome(CloseDecision.Cancelled, expected), outcome);
        Assert.Equal(expected.Published(Now), _h.Stored());
        await _h.Provider.Received(1).CloseAsync(TestOrders.Number, Arg.Any<CancellationToken>());
        Assert.Equal(OrderState.New, stateWhenClosing);
    }

    [Fact]
    public async Task Counts_the_cancel_and_how_late_the_close_ran()
    {
        _h.Store.Add(TestOrders.New());

        await _h.HandleAsync();

        var cancelled = Assert.Single(_h.Metrics.Cancelled.GetMeasurementSnapshot());
        Assert.Equal(TestOrders.PayType, cancelled.Tags["pay_type"]);
        var lateness = Assert.Single(_h.Metrics.CloseLateness.GetMeasurementSnapshot());
        Assert.Equal(CloseUnpaidOrderHarness.Lateness.TotalSeconds, lateness.Value);
        Assert.Equal("cancelled", lateness.Tags["outcome"]);
        Assert.Empty(_h.Metrics.Paid.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_close_that_finds_the_payment_records_how_late_it_settled_the_order_as_paid()
    {
        _h.Store.Add(TestOrders.New());
        _h.Provider.QueryAsync(default!, default).ReturnsForAnyArgs(new TradeQuery(TradeState.Paid, TestOrders.PaidAt));

        await _h.HandleAsync();

        var lateness = Assert.Single(_h.Metrics.CloseLateness.GetMeasurementSnapshot());
        Assert.Equal(CloseUnpaidOrderHarness.Lateness.TotalSeconds, lateness.Value);
        Assert.Equal("paid", lateness.Tags["outcome"]);
        Assert.Equal(TestOrders.PayType, lateness.Tags["pay_type"]);
    }

    [Theory]
    [InlineData(TradeState.AwaitingPayment, "cancelled")]
    [InlineData(TradeState.Paid, "paid")]
    public async Task A_settled_close_logs_one_record_with_its_lateness_in_milliseconds_for_the_dashboard_s_percentiles(TradeState trade, string outcome)
    {
        _h.Store.Add(TestOrders.New());
        _h.Provider.QueryAsync(default!, default).ReturnsForAnyArgs(new TradeQuery(trade, TestOrders.PaidAt));

        await _h.HandleAsync();

        var record = Assert.Single(_h.Log.Collector.GetSnapshot(), r => r.StructuredState!.Any(p => p.Key == CloseUnpaidOrder.LatenessLogProperty));
        var state = record.StructuredState!.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(CloseUnpaidOrderHarness.Lateness.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), state[CloseUnpaidOrder.LatenessLogProperty]);
        Assert.Equal(outcome, state[CloseUnpaidOrder.OutcomeLogProperty]);
        Assert.Equal(TestOrders.Number, state["OutTradeNo"]);
    }

    [Fact]
    public async Task A_close_that_settles_nothing_logs_no_lateness()
    {
        _h.Store.Add(TestOrders.New());
        await _h.PayBehindTheBackAsync();

        await _h.HandleAsync();

        Assert.DoesNotContain(_h.Log.Collector.GetSnapshot(), r => r.StructuredState!.Any(p => p.Key == CloseUnpaidOrder.LatenessLogProperty));
    }

    [Fact]
    public async Task A_trade_paid_between_query_and_close_is_MarkedPaid_not_cancelled()
    {
        _h.Store.Add(TestOrders.New());
        _h.Provider.CloseAsync(default!, default).ReturnsForAnyArgs(TradeCloseResult.AlreadyPaid);

        var outcome = await _h.HandleAsync();

        Assert.Equal(CloseDecision.MarkedPaid, outcome.Decision);
        Assert.Equal(TestOrders.New().MarkPaid(Now).Published(Now), _h.Stored());
        Assert.Equal("close_query", Assert.Single(_h.Metrics.Paid.GetMeasurementSnapshot()).Tags["source"]);
        _h.AssertNothingCancelledCounted();
    }

    [Fact]
    public async Task An_order_of_an_unknown_pay_type_is_UnknownPayType_and_unchanged()
    {
        var order = _h.Store.Add(TestOrders.New() with { PayType = "UNIONPAY" });

        var outcome = await _h.HandleAsync();

        Assert.Equal(new CloseOutcome(CloseDecision.UnknownPayType, order.Order), outcome);
        Assert.Equal(order, _h.Store.Peek(TestOrders.Number));
        await _h.AssertProviderUntouchedAsync();
    }

    [Fact]
    public async Task A_provider_that_cannot_answer_the_query_fails_the_close_and_leaves_the_order_NEW()
    {
        var order = _h.Store.Add(TestOrders.New());
        _h.Provider.QueryAsync(default!, default).ThrowsAsyncForAnyArgs(new DependencyUnavailableException("provider 503"));

        await Assert.ThrowsAsync<DependencyUnavailableException>(_h.HandleAsync);

        Assert.Equal(order, _h.Store.Peek(TestOrders.Number));
        await _h.Provider.DidNotReceiveWithAnyArgs().CloseAsync(default!, default);
    }

    [Fact]
    public async Task A_provider_that_cannot_close_the_trade_fails_the_close_and_leaves_the_order_NEW()
    {
        var order = _h.Store.Add(TestOrders.New());
        _h.Provider.CloseAsync(default!, default).ThrowsAsyncForAnyArgs(new DependencyUnavailableException("provider timeout"));

        await Assert.ThrowsAsync<DependencyUnavailableException>(_h.HandleAsync);

        Assert.Equal(order, _h.Store.Peek(TestOrders.Number));
        _h.AssertNothingCancelledCounted();
    }

    [Fact]
    public async Task A_provider_rejection_propagates_and_leaves_the_order_NEW()
    {
        var order = _h.Store.Add(TestOrders.New());
        _h.Provider.QueryAsync(default!, default).ThrowsAsyncForAnyArgs(
            new PaymentProviderRejectedException(TestOrders.PayType, "INVALID_PARAMETER", "bad app id"));

        await Assert.ThrowsAsync<PaymentProviderRejectedException>(_h.HandleAsync);

        Assert.Equal(order, _h.Store.Peek(TestOrders.Number));
    }
}
