using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Orders;

public sealed class ConfirmPaymentTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestOrders.PlacedAt + TimeSpan.FromMinutes(10);

    private readonly InMemoryOrderStore _store = new();
    private readonly ICloseScheduler _scheduler = Substitute.For<ICloseScheduler>();
    private readonly RecordingRefundScheduler _refunds = new();
    private readonly RecordingEventPublisher _events = new();
    private readonly OrderMetricsProbe _metrics = new();
    private readonly ConfirmPayment _confirm;

    public ConfirmPaymentTests()
    {
        _scheduler.CancelAsync(default, default).ReturnsForAnyArgs(true);
        _confirm = Confirm(LatePaymentPolicy.Refund);
    }

    private ConfirmPayment Confirm(LatePaymentPolicy latePayments)
    {
        var clock = new FakeTimeProvider(Now);
        return new ConfirmPayment(_store, _scheduler, _refunds, TestOutbox.Over(_store, _events, clock),
            Options.Create(new OrderOptions { LatePayments = latePayments }), clock, _metrics.Metrics, NullLogger<ConfirmPayment>.Instance);
    }

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task Moves_NEW_to_PAID_at_the_notified_time()
    {
        _store.Add(TestOrders.New());

        var status = await ConfirmAsync(Payment());

        Assert.Equal(ConfirmPaymentStatus.Paid, status);
        Assert.Equal(TestOrders.New().MarkPaid(TestOrders.PaidAt).Published(Now), Stored());
    }

    [Fact]
    public async Task Without_a_notified_time_the_order_is_paid_now()
    {
        _store.Add(TestOrders.New());

        await ConfirmAsync(Payment() with { PaidAt = null });

        Assert.Equal(Now, Stored().PaidAt);
    }

    [Fact]
    public async Task Counts_the_payment_as_noticed_by_the_notification()
    {
        _store.Add(TestOrders.New());

        await ConfirmAsync(Payment());

        var paid = Assert.Single(_metrics.Paid.GetMeasurementSnapshot());
        Assert.Equal(TestOrders.PayType, paid.Tags["pay_type"]);
        Assert.Equal("notification", paid.Tags["source"]);
    }

    [Fact]
    public async Task Cancels_the_scheduled_close_by_its_sequence_number()
    {
        _store.Add(TestOrders.New());

        await ConfirmAsync(Payment());

        await _scheduler.Received(1).CancelAsync(TestOrders.ScheduledCloseHandle, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_close_that_cannot_be_cancelled_still_answers_Paid()
    {
        _store.Add(TestOrders.New());
        _scheduler.CancelAsync(default, default).ReturnsForAnyArgs(false);

        var status = await ConfirmAsync(Payment());

        Assert.Equal(ConfirmPaymentStatus.Paid, status);
        Assert.Equal(OrderState.Paid, Stored().State);
    }

    [Theory]
    [MemberData(nameof(CancelFailures))]
    public async Task A_failing_cancel_still_answers_Paid(Exception failure)
    {
        _store.Add(TestOrders.New());
        _scheduler.CancelAsync(default, default).ThrowsAsyncForAnyArgs(failure);

        var status = await ConfirmAsync(Payment());

        Assert.Equal(ConfirmPaymentStatus.Paid, status);
        Assert.Equal(OrderState.Paid, Stored().State);
    }

    public static TheoryData<Exception> CancelFailures => new(
        new DependencyUnavailableException("Service Bus is down"),
        new TaskCanceledException("The operation timed out"),
        new InvalidOperationException("The sender is closed"));

    [Fact]
    public async Task A_replay_on_a_PAID_order_is_AlreadyPaid_and_changes_nothing()
    {
        var paid = _store.Add(TestOrders.Paid());

        var status = await ConfirmAsync(Payment());

        Assert.Equal(ConfirmPaymentStatus.AlreadyPaid, status);
        Assert.Equal(paid, _store.Peek(TestOrders.Number));
        await _scheduler.DidNotReceiveWithAnyArgs().CancelAsync(default, default);
        Assert.Empty(_metrics.Paid.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_payment_for_a_CANCELLED_order_is_recorded_as_needing_a_refund()
    {
        _store.Add(TestOrders.Cancelled());

        var status = await ConfirmAsync(Payment());

        Assert.Equal(ConfirmPaymentStatus.RefundRequired, status);
        Assert.Equal(TestOrders.Cancelled().RecordLatePayment(Now, LatePaymentPolicy.Refund), Stored());
        Assert.Equal(RefundStatus.Pending, Stored().Refund!.Status);
        await _scheduler.DidNotReceiveWithAnyArgs().CancelAsync(default, default);
        Assert.Empty(_metrics.Paid.GetMeasurementSnapshot());
        var late = Assert.Single(_metrics.LatePayments.GetMeasurementSnapshot());
        Assert.Equal((1L, (object?)TestOrders.PayType), (late.Value, late.Tags["pay_type"]));
        Assert.Empty(_metrics.Refunds.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_late_payment_sends_the_first_refund_request_for_now()
    {
        _store.Add(TestOrders.Cancelled());

        await ConfirmAsync(Payment());

        Assert.Equal([new RefundSchedule($"R{TestOrders.Number}@0", TestOrders.Number, 0, Now)], _refunds.Sent);
    }

    [Fact]
    public async Task A_refund_request_that_cannot_be_sent_leaves_the_refund_PENDING_for_the_sweep_and_the_payment_accepted()
    {
        _store.Add(TestOrders.Cancelled());
        _refunds.FailNext = 1;

        var status = await ConfirmAsync(Payment());

        Assert.Equal(ConfirmPaymentStatus.RefundRequired, status);
        Assert.Equal(RefundStatus.Pending, Stored().Refund!.Status);
        Assert.Empty(_refunds.Sent);
    }

    [Fact]
    public async Task Under_the_Manual_policy_a_late_payment_is_left_to_a_person_and_counted_as_a_manual_refund()
    {
        _store.Add(TestOrders.Cancelled());

        var status = await Confirm(LatePaymentPolicy.Manual).HandleAsync(Payment(), CancellationToken.None);

        Assert.Equal(ConfirmPaymentStatus.RefundRequired, status);
        Assert.Equal(new Refund(RefundStatus.Manual, TestOrders.Amount, Now), Stored().Refund);
        Assert.Empty(_refunds.Sent);
        Assert.True(Stored().RefundRequired);
        var manual = Assert.Single(_metrics.Refunds.GetMeasurementSnapshot());
        Assert.Equal("manual", manual.Tags["outcome"]);
    }

    [Fact]
    public async Task A_second_payment_for_a_refund_does_not_write_again()
    {
        _store.Add(TestOrders.Cancelled());
        await ConfirmAsync(Payment());

        var status = await ConfirmAsync(Payment());

        Assert.Equal(ConfirmPaymentStatus.RefundRequired, status);
        Assert.Equal(1, _store.ReplaceCount);
        Assert.Single(_metrics.LatePayments.GetMeasurementSnapshot());
        Assert.Single(_refunds.Sent);
    }

    [Fact]
    public async Task Another_amount_than_the_order_is_AmountMismatch_and_changes_nothing()
    {
        var order = _store.Add(TestOrders.New());

        var status = await ConfirmAsync(Payment() with { AmountMinorUnits = TestOrders.Amount.MinorUnits - 1 });

        Assert.Equal(ConfirmPaymentStatus.AmountMismatch, status);
        Assert.Equal(order, _store.Peek(TestOrders.Number));
        await _scheduler.DidNotReceiveWithAnyArgs().CancelAsync(default, default);
    }

    [Fact]
    public async Task A_payment_for_an_unknown_order_is_UnknownOrder()
    {
        var status = await ConfirmAsync(Payment());

        Assert.Equal(ConfirmPaymentStatus.UnknownOrder, status);
        Assert.Null(_store.Peek(TestOrders.Number));
    }

    [Fact]
    public async Task A_notification_that_reports_no_payment_reads_and_changes_nothing()
    {
        var order = _store.Add(TestOrders.New());

        var status = await ConfirmAsync(Payment() with { Paid = false });

        Assert.Equal(ConfirmPaymentStatus.NotAPayment, status);
        Assert.Equal(0, _store.FindCount);
        Assert.Equal(order, _store.Peek(TestOrders.Number));
    }

    [Fact]
    public async Task Losing_to_a_close_rereads_and_records_the_refund()
    {
        var read = _store.Add(TestOrders.New());
        _store.BeforeNextReplace(() => _store.TryReplaceAsync(read, TestOrders.Cancelled(), CancellationToken.None));

        var status = await ConfirmAsync(Payment());

        Assert.Equal(ConfirmPaymentStatus.RefundRequired, status);
        Assert.Equal(TestOrders.Cancelled().RecordLatePayment(Now, LatePaymentPolicy.Refund), Stored());
        await _scheduler.DidNotReceiveWithAnyArgs().CancelAsync(default, default);
        Assert.Empty(_metrics.Paid.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task An_order_that_keeps_changing_is_reported_as_transient()
    {
        _store.Add(TestOrders.New());
        KeepTouchingTheOrder(times: 10);

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => ConfirmAsync(Payment()));

        Assert.Equal(OrderState.New, Stored().State);
    }

    /// <summary>Rewrites the order unchanged just before each of the next replaces, so each of them loses.</summary>
    private void KeepTouchingTheOrder(int times)
    {
        if (times == 0)
        {
            return;
        }
        _store.BeforeNextReplace(async () =>
        {
            var current = _store.Peek(TestOrders.Number)!;
            await _store.TryReplaceAsync(current, current.Order, CancellationToken.None);
            KeepTouchingTheOrder(times - 1);
        });
    }

    private static PaymentNotification Payment() =>
        new(TestOrders.Number, Paid: true, TestOrders.Amount.MinorUnits, TestOrders.PaidAt, ProviderTradeNo: "2025030122001400001");

    private Task<ConfirmPaymentStatus> ConfirmAsync(PaymentNotification notification) =>
        _confirm.HandleAsync(notification, CancellationToken.None);

    private Order Stored() => _store.Peek(TestOrders.Number)!.Order;
}
