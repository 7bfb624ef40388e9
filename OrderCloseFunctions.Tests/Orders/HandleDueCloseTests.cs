using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Orders;

/// <summary>What becomes of each delivered close: every branch of the decision and the settlement it returns.</summary>
public sealed class HandleDueCloseTests
{
    private const long QueueMessageNumber = 815;

    private readonly Collaborators _c = new();
    private readonly HandleDueClose _useCase;

    public HandleDueCloseTests()
    {
        _useCase = _c.HandleDueClose();
        _c.Store.TryReplaceAsync(Arg.Any<StoredOrder>(), Arg.Any<Order>(), Arg.Any<CancellationToken>())
            .Returns(call => new StoredOrder(call.ArgAt<Order>(1), "\"2\""));
    }

    [Fact]
    public async Task A_close_for_an_unknown_order_completes()
    {
        Assert.Equal(Settlement.Complete, await HandleAsync(Due("T404")));
    }

    [Theory]
    [InlineData(OrderState.Paid)]
    [InlineData(OrderState.Cancelled)]
    public async Task A_settled_order_completes_without_asking_the_provider(OrderState state)
    {
        Given(TestOrders.New("T1001", Collaborators.Now) with { State = state });

        Assert.Equal(Settlement.Complete, await HandleAsync(Due("T1001")));
        await _c.Alipay.DidNotReceiveWithAnyArgs().QueryAsync(default!, default);
    }

    [Fact]
    public async Task A_due_unpaid_order_is_closed_at_the_provider_cancelled_and_completes()
    {
        Given(TestOrders.New("T1001", Collaborators.Now));
        _c.Alipay.QueryAsync("T1001", Arg.Any<CancellationToken>()).Returns(new TradeQuery(TradeState.AwaitingPayment));
        _c.Alipay.CloseAsync("T1001", Arg.Any<CancellationToken>()).Returns(TradeCloseResult.Closed);

        Assert.Equal(Settlement.Complete, await HandleAsync(Due("T1001")));
        await _c.Store.Received(1).TryReplaceAsync(Arg.Is<StoredOrder>(s => s.Order.State == OrderState.New), Arg.Is<Order>(o => o.State == OrderState.Cancelled), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_close_that_finds_the_buyer_paying_looks_again_shortly_as_the_next_attempt_and_completes()
    {
        Given(TestOrders.New("T1001", Collaborators.Now));
        _c.Alipay.QueryAsync("T1001", Arg.Any<CancellationToken>()).Returns(new TradeQuery(TradeState.BuyerPaying));

        Assert.Equal(Settlement.Complete, await HandleAsync(Due("T1001")));
        await _c.Scheduler.Received(1).ScheduleAsync(
            Arg.Is<CloseSchedule>(s => s.OutTradeNo == "T1001" && s.Attempt == 1 && s.MessageId == "T1001#retry1"
                && s.DueAt == Collaborators.Now + _c.RetryOptions.BuyerPayingDelay),
            Arg.Any<CancellationToken>());
        await _c.Alipay.DidNotReceiveWithAnyArgs().CloseAsync(default!, default);
        await _c.Store.DidNotReceiveWithAnyArgs().TryReplaceAsync(default!, default!, default);
    }

    [Fact]
    public async Task A_buyer_still_paying_when_the_attempts_are_spent_dead_letters_and_leaves_the_order_NEW()
    {
        Given(TestOrders.New("T1001", Collaborators.Now));
        _c.Alipay.QueryAsync("T1001", Arg.Any<CancellationToken>()).Returns(new TradeQuery(TradeState.BuyerPaying));

        var settlement = await HandleAsync(Due("T1001", attempt: _c.CloseRetryPolicy().MaxAttempts));

        Assert.Equal("BuyerStillPaying", Assert.IsType<DeadLetterSettlement>(settlement).Reason);
        await _c.Scheduler.DidNotReceiveWithAnyArgs().ScheduleAsync(default!, default);
        await _c.Store.DidNotReceiveWithAnyArgs().TryReplaceAsync(default!, default!, default);
    }

    [Fact]
    public async Task An_early_close_is_resent_for_the_deadline_under_an_id_of_its_own_and_completes_without_touching_the_order()
    {
        var deadline = Collaborators.Now.AddMinutes(5);
        Given(TestOrders.New("T1001", deadline));

        Assert.Equal(Settlement.Complete, await HandleAsync(Due("T1001")));
        await _c.Scheduler.Received(1).ScheduleAsync(
            Arg.Is<CloseSchedule>(s => s.DueAt == deadline + CloseSchedule.ResendMargin && s.MessageId == $"T1001@resend{QueueMessageNumber}" && s.OutTradeNo == "T1001"),
            Arg.Any<CancellationToken>());
        await _c.Alipay.DidNotReceiveWithAnyArgs().QueryAsync(default!, default);
        await _c.Store.DidNotReceiveWithAnyArgs().TryReplaceAsync(default!, default!, default);
    }

    [Fact]
    public async Task An_early_close_from_a_queue_whose_clock_runs_ahead_is_resent_that_much_later()
    {
        var deadline = Collaborators.Now.AddSeconds(3);
        Given(TestOrders.New("T1001", deadline));

        await HandleAsync(Due("T1001") with { QueueClockLead = TimeSpan.FromSeconds(3) });

        await _c.Scheduler.Received(1).ScheduleAsync(
            Arg.Is<CloseSchedule>(s => s.DueAt == deadline + TimeSpan.FromSeconds(3) + CloseSchedule.ResendMargin), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_early_close_whose_resend_fails_is_abandoned()
    {
        Given(TestOrders.New("T1001", Collaborators.Now.AddMinutes(5)));
        _c.Scheduler.ScheduleAsync(Arg.Any<CloseSchedule>(), Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("bus"));

        Assert.Equal(Settlement.Abandon, await HandleAsync(Due("T1001")));
    }

    [Fact]
    public async Task A_store_failure_within_the_immediate_deliveries_abandons()
    {
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("429"));

        Assert.Equal(Settlement.Abandon, await HandleAsync(Due("T1001", deliveryCount: _c.RetryOptions.ImmediateDeliveries)));
        await _c.Scheduler.DidNotReceiveWithAnyArgs().ScheduleAsync(default!, default);
    }

    [Fact]
    public async Task A_provider_failure_abandons_and_leaves_the_order_NEW()
    {
        Given(TestOrders.New("T1001", Collaborators.Now));
        _c.Alipay.QueryAsync("T1001", Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("gateway timeout"));

        Assert.Equal(Settlement.Abandon, await HandleAsync(Due("T1001")));
        await _c.Store.DidNotReceiveWithAnyArgs().TryReplaceAsync(default!, default!, default);
    }

    [Fact]
    public async Task After_the_immediate_deliveries_a_transient_failure_reschedules_the_next_attempt_and_completes()
    {
        Given(TestOrders.New("T1001", Collaborators.Now));
        _c.Alipay.QueryAsync("T1001", Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("gateway timeout"));

        var settlement = await HandleAsync(Due("T1001", deliveryCount: 4, attempt: 2));

        // Attempt 2 waits between 2 and 4 minutes; the jitter draws 0.5.
        Assert.Equal(Settlement.Complete, settlement);
        await _c.Scheduler.Received(1).ScheduleAsync(
            new CloseSchedule("T1001#retry3", "T1001", Collaborators.Now, Collaborators.Now.AddMinutes(3)) { Attempt = 3 }, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_retry_that_cannot_be_scheduled_is_abandoned()
    {
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("429"));
        _c.Scheduler.ScheduleAsync(Arg.Any<CloseSchedule>(), Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("bus"));

        Assert.Equal(Settlement.Abandon, await HandleAsync(Due("T1001", deliveryCount: 4)));
    }

    [Fact]
    public async Task A_transient_failure_of_the_last_attempt_dead_letters_as_retries_exhausted_with_the_failure()
    {
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("503"));

        var settlement = await HandleAsync(Due("T1001", deliveryCount: 4, attempt: _c.CloseRetryPolicy().MaxAttempts));

        var deadLetter = Assert.IsType<DeadLetterSettlement>(settlement);
        Assert.Equal("RetriesExhausted", deadLetter.Reason);
        Assert.Contains("503", deadLetter.Description, StringComparison.Ordinal);
        await _c.Scheduler.DidNotReceiveWithAnyArgs().ScheduleAsync(default!, default);
    }

    [Fact]
    public async Task A_provider_rejection_dead_letters_with_the_reason()
    {
        Given(TestOrders.New("T1001", Collaborators.Now));
        _c.Alipay.QueryAsync("T1001", Arg.Any<CancellationToken>())
            .ThrowsAsync(new PaymentProviderRejectedException("ALIPAY", "ACQ.INVALID_PARAMETER", "bad"));

        var deadLetter = Assert.IsType<DeadLetterSettlement>(await HandleAsync(Due("T1001")));

        Assert.Equal("ProviderRejected", deadLetter.Reason);
        Assert.Contains("ACQ.INVALID_PARAMETER", deadLetter.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_of_an_unknown_pay_type_dead_letters_with_the_reason()
    {
        Given(TestOrders.New("T1001", Collaborators.Now, "PAYPAL"));

        var deadLetter = Assert.IsType<DeadLetterSettlement>(await HandleAsync(Due("T1001")));

        Assert.Equal("UnknownPayType", deadLetter.Reason);
        Assert.Contains("PAYPAL", deadLetter.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_failure_is_not_decided_here()
    {
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("bug"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => HandleAsync(Due("T1001")));
    }

    private void Given(Order order) =>
        _c.Store.FindAsync(order.OutTradeNo, Arg.Any<CancellationToken>()).Returns(TestOrders.Stored(order));

    private static DueClose Due(string outTradeNo, int deliveryCount = 1, int attempt = 0) =>
        new(outTradeNo, Collaborators.Now, attempt, deliveryCount, QueueMessageNumber, TimeSpan.Zero);

    private Task<Settlement> HandleAsync(DueClose close) => _useCase.HandleAsync(close, CancellationToken.None);
}
