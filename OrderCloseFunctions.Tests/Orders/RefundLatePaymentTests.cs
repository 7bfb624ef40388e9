using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderClose.Orders;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;
using OrderClose.Payments;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Orders;

/// <summary>The refund of a late payment over the in-memory store, a provider double and a recording refund queue.</summary>
public sealed class RefundLatePaymentTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestOrders.Deadline + TimeSpan.FromMinutes(20);
    private static readonly DateTimeOffset RequestedAt = Now - TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly InMemoryOrderStore _store = new();
    private readonly OutageProvider _provider;
    private readonly RecordingRefundScheduler _queue = new();
    private readonly RecordingEventPublisher _events = new();
    private readonly OrderMetricsProbe _metrics = new();
    private readonly CloseRetryOptions _retry = new();
    private readonly RefundLatePayment _refund;

    public RefundLatePaymentTests()
    {
        _provider = new OutageProvider(_clock, TestOrders.PayType);
        _refund = new RefundLatePayment(_store, new PaymentProviderPicker([_provider]), _queue,
            new CloseRetryPolicy(Options.Create(_retry), new FixedJitter(0.5), _clock),
            TestOutbox.Over(_store, _events, _clock, _metrics.Metrics), _clock, _metrics.Metrics, NullLogger<RefundLatePayment>.Instance);
    }

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task A_pending_refund_is_made_at_the_provider_recorded_SUCCEEDED_once_with_its_event_and_counted()
    {
        _store.Add(Late());

        var settlement = await HandleAsync();

        Assert.Equal(Settlement.Complete, settlement);
        var refund = Stored().Refund!;
        Assert.Equal((RefundStatus.Succeeded, $"RF-{TestOrders.Number}", (DateTimeOffset?)Now), (refund.Status, refund.ProviderRefundNo, refund.CompletedAt));
        Assert.Equal([new RefundRequest(TestOrders.Number, TestOrders.Amount)], _provider.Refunds);
        var published = Assert.Single(_events.Published, e => e.Type == OrderEventTypes.RefundSucceeded);
        Assert.Equal(RefundStatus.Succeeded, published.Order.Refund!.Status);
        Assert.All(Stored().Events, e => Assert.True(e.IsPublished));
        Assert.Equal("succeeded", Assert.Single(_metrics.Refunds.GetMeasurementSnapshot()).Tags["outcome"]);
    }

    [Fact]
    public async Task A_second_delivery_after_success_does_not_refund_again()
    {
        _store.Add(Late());
        await HandleAsync();

        var again = await HandleAsync();

        Assert.Equal(Settlement.Complete, again);
        Assert.Single(_provider.Refunds);
        Assert.Single(_events.Published, e => e.Type == OrderEventTypes.RefundSucceeded);
        Assert.Single(_metrics.Refunds.GetMeasurementSnapshot());
    }

    [Theory]
    [InlineData(LatePaymentPolicy.Manual)]
    [InlineData(null)]
    public async Task An_order_without_a_pending_refund_or_no_order_at_all_completes_without_asking_the_provider(LatePaymentPolicy? policy)
    {
        var cancelled = TestOrders.Cancelled();
        _store.Add(policy is { } p ? cancelled.RecordLatePayment(RequestedAt, p) : cancelled);

        Assert.Equal(Settlement.Complete, await HandleAsync());
        Assert.Equal(Settlement.Complete, await HandleAsync(new DueRefund("NO-SUCH-ORDER", 0, 1)));
        Assert.Empty(_provider.Refunds);
    }

    [Fact]
    public async Task A_refusal_for_good_records_FAILED_with_its_event_and_dead_letters_with_the_reason()
    {
        _store.Add(Late());
        _provider.RefundAnswer = _ => RefundOutcome.Refused("ACQ.SELLER_BALANCE_NOT_ENOUGH: 余额不足");

        var settlement = await HandleAsync();

        var deadLetter = Assert.IsType<DeadLetterSettlement>(settlement);
        Assert.Equal("RefundRefused", deadLetter.Reason);
        Assert.Contains("ACQ.SELLER_BALANCE_NOT_ENOUGH", deadLetter.Description);
        Assert.Equal((RefundStatus.Failed, (DateTimeOffset?)Now), (Stored().Refund!.Status, Stored().Refund!.CompletedAt));
        Assert.Single(_events.Published, e => e.Type == OrderEventTypes.RefundFailed);
        Assert.Equal("failed", Assert.Single(_metrics.Refunds.GetMeasurementSnapshot()).Tags["outcome"]);
        Assert.Empty(_queue.Sent);
    }

    [Fact]
    public async Task A_refund_still_processing_is_looked_at_again_later_as_the_next_attempt()
    {
        _store.Add(Late());
        _provider.RefundAnswer = _ => RefundOutcome.Processing;

        var settlement = await HandleAsync(new DueRefund(TestOrders.Number, 2, 1));

        Assert.Equal(Settlement.Complete, settlement);
        Assert.Equal([RefundSchedule.Retry(TestOrders.Number, 3, Now + _retry.BuyerPayingDelay)], _queue.Sent);
        Assert.Equal(RefundStatus.Pending, Stored().Refund!.Status);
    }

    [Fact]
    public async Task A_refund_processing_past_the_attempt_budget_ends_FAILED_and_dead_lettered()
    {
        _store.Add(Late());
        _provider.RefundAnswer = _ => RefundOutcome.Processing;
        var budget = new CloseRetryPolicy(Options.Create(_retry), new FixedJitter(0.5), _clock).MaxAttempts;

        var settlement = await HandleAsync(new DueRefund(TestOrders.Number, budget, 1));

        Assert.Equal("RefundStillProcessing", Assert.IsType<DeadLetterSettlement>(settlement).Reason);
        Assert.Equal(RefundStatus.Failed, Stored().Refund!.Status);
    }

    [Fact]
    public async Task A_provider_that_is_down_is_abandoned_first_then_retried_later_with_backoff()
    {
        _store.Add(Late());
        _provider.DownUntil = DateTimeOffset.MaxValue;

        var first = await HandleAsync(new DueRefund(TestOrders.Number, 0, 1));
        var later = await HandleAsync(new DueRefund(TestOrders.Number, 0, _retry.ImmediateDeliveries + 1));

        Assert.Equal(Settlement.Abandon, first);
        Assert.Equal(Settlement.Complete, later);
        var retry = Assert.Single(_queue.Sent);
        Assert.Equal(($"R{TestOrders.Number}@1", 1), (retry.MessageId, retry.Attempt));
        Assert.InRange(retry.DueAt, Now + _retry.BaseDelay / 2, Now + _retry.BaseDelay);
        Assert.Equal(RefundStatus.Pending, Stored().Refund!.Status);
    }

    [Fact]
    public async Task Retries_that_are_spent_end_FAILED_and_dead_lettered_never_retried_forever()
    {
        _store.Add(Late());
        _provider.DownUntil = DateTimeOffset.MaxValue;
        var budget = new CloseRetryPolicy(Options.Create(_retry), new FixedJitter(0.5), _clock).MaxAttempts;

        var settlement = await HandleAsync(new DueRefund(TestOrders.Number, budget, _retry.ImmediateDeliveries + 1));

        var deadLetter = Assert.IsType<DeadLetterSettlement>(settlement);
        Assert.Equal("RetriesExhausted", deadLetter.Reason);
        Assert.Contains("The provider is down.", deadLetter.Description);
        Assert.Equal(RefundStatus.Failed, Stored().Refund!.Status);
        Assert.Empty(_queue.Sent);
    }

    [Fact]
    public async Task A_refund_made_but_not_recorded_is_recorded_by_the_next_delivery_and_refunded_once_at_the_provider()
    {
        _store.Add(Late());
        _store.FailNext(StoreOperation.Replace, new DependencyUnavailableException("Cosmos DB answered 503"));

        var failed = await HandleAsync(new DueRefund(TestOrders.Number, 0, 1));
        var again = await HandleAsync(new DueRefund(TestOrders.Number, 0, 2));

        Assert.Equal((Settlement.Abandon, Settlement.Complete), (failed, again));
        Assert.Equal(RefundStatus.Succeeded, Stored().Refund!.Status);
        // Both deliveries asked; the provider's refund is idempotent per order (the request number is the order's).
        Assert.Equal(2, _provider.Refunds.Count);
        Assert.All(_provider.Refunds, request => Assert.Equal(TestOrders.Number, request.OutRequestNo));
        Assert.Single(_metrics.Refunds.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Losing_the_record_to_another_delivery_that_recorded_it_completes_without_a_second_event()
    {
        var stored = _store.Add(Late());
        _store.BeforeNextReplace(() => _store.TryReplaceAsync(stored, stored.Order.CompleteRefund("RF-other", Now), CancellationToken.None));

        var settlement = await HandleAsync();

        Assert.Equal(Settlement.Complete, settlement);
        Assert.Equal("RF-other", Stored().Refund!.ProviderRefundNo);
        Assert.Empty(_metrics.Refunds.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task An_order_whose_pay_type_no_provider_serves_ends_FAILED_and_dead_lettered()
    {
        _store.Add(Late() with { PayType = "NOBODY" });

        var settlement = await HandleAsync();

        Assert.Equal("UnknownPayType", Assert.IsType<DeadLetterSettlement>(settlement).Reason);
        Assert.Equal(RefundStatus.Failed, Stored().Refund!.Status);
    }

    private static Order Late() => TestOrders.Cancelled().RecordLatePayment(RequestedAt, LatePaymentPolicy.Refund);

    private Task<Settlement> HandleAsync(DueRefund? due = null) =>
        _refund.HandleAsync(due ?? new DueRefund(TestOrders.Number, 0, 1), CancellationToken.None);

    private Order Stored() => _store.Peek(TestOrders.Number)!.Order;
}
