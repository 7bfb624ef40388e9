using OrderClose.Orders;
using OrderClose.Orders.Events;

namespace OrderClose.Tests.Orders;

public sealed class OrderTests
{
    [Fact]
    public void Place_makes_a_NEW_order_due_after_the_timeout()
    {
        var order = Order.Place(TestOrders.Command(), TestOrders.PlacedAt, TestOrders.Timeout);

        Assert.Equal(OrderState.New, order.State);
        Assert.Equal(TestOrders.PlacedAt, order.CreatedAt);
        Assert.Equal(TestOrders.PlacedAt + TestOrders.Timeout, order.PayDeadline);
        Assert.Equal(TestOrders.Timeout, order.PaymentTimeout);
        Assert.Equal(Order.CurrentSchemaVersion, order.SchemaVersion);
    }

    [Fact]
    public void MarkPaid_moves_NEW_to_PAID_at_the_given_time()
    {
        var paid = TestOrders.New().MarkPaid(TestOrders.PaidAt);

        Assert.Equal(OrderState.Paid, paid.State);
        Assert.Equal(TestOrders.PaidAt, paid.PaidAt);
        Assert.Null(paid.ClosedAt);
    }

    [Fact]
    public void Cancel_moves_NEW_to_CANCELLED_with_time_and_reason()
    {
        var cancelled = TestOrders.New().Cancel(TestOrders.Deadline, "PAYMENT_TIMEOUT");

        Assert.Equal(OrderState.Cancelled, cancelled.State);
        Assert.Equal(TestOrders.Deadline, cancelled.ClosedAt);
        Assert.Equal("PAYMENT_TIMEOUT", cancelled.CloseReason);
        Assert.Null(cancelled.PaidAt);
    }

    [Theory]
    [InlineData(OrderState.Paid)]
    [InlineData(OrderState.Cancelled)]
    public void MarkPaid_refuses_a_settled_order(OrderState state)
    {
        Assert.Throws<InvalidOperationException>(() => TestOrders.In(state).MarkPaid(TestOrders.PaidAt));
    }

    [Theory]
    [InlineData(OrderState.Paid)]
    [InlineData(OrderState.Cancelled)]
    public void Cancel_refuses_a_settled_order(OrderState state)
    {
        Assert.Throws<InvalidOperationException>(() => TestOrders.In(state).Cancel(TestOrders.Deadline, "PAYMENT_TIMEOUT"));
    }

    [Theory]
    [InlineData(LatePaymentPolicy.Refund, RefundStatus.Pending)]
    [InlineData(LatePaymentPolicy.Manual, RefundStatus.Manual)]
    public void RecordLatePayment_flags_a_cancelled_order_keeps_it_cancelled_and_starts_its_refund_by_policy(
        LatePaymentPolicy policy, RefundStatus status)
    {
        var late = TestOrders.Cancelled().RecordLatePayment(TestOrders.PaidAt, policy);

        Assert.True(late.RefundRequired);
        Assert.Equal(OrderState.Cancelled, late.State);
        Assert.Equal(new Refund(status, TestOrders.Amount, TestOrders.PaidAt), late.Refund);
    }

    [Theory]
    [InlineData(OrderState.New)]
    [InlineData(OrderState.Paid)]
    public void RecordLatePayment_refuses_an_order_that_is_not_cancelled(OrderState state)
    {
        Assert.Throws<InvalidOperationException>(() => TestOrders.In(state).RecordLatePayment(TestOrders.PaidAt, LatePaymentPolicy.Refund));
    }

    [Fact]
    public void RecordLatePayment_refuses_an_order_whose_refund_is_recorded_already()
    {
        var late = TestOrders.Cancelled().RecordLatePayment(TestOrders.PaidAt, LatePaymentPolicy.Refund);

        Assert.Throws<InvalidOperationException>(() => late.RecordLatePayment(TestOrders.PaidAt, LatePaymentPolicy.Refund));
    }

    [Fact]
    public void CompleteRefund_moves_PENDING_to_SUCCEEDED_with_the_provider_number_and_one_refund_succeeded_event()
    {
        var late = TestOrders.Cancelled().RecordLatePayment(TestOrders.PaidAt, LatePaymentPolicy.Refund);
        var completedAt = TestOrders.PaidAt.AddSeconds(5);

        var refunded = late.CompleteRefund("RF1", completedAt);

        Assert.Equal(late.Refund! with { Status = RefundStatus.Succeeded, CompletedAt = completedAt, ProviderRefundNo = "RF1" }, refunded.Refund);
        var refundEvent = refunded.Events[^1];
        Assert.Equal(late.Events.Count + 1, refunded.Events.Count);
        Assert.Equal((OrderEventTypes.RefundSucceeded, completedAt), (refundEvent.Type, refundEvent.OccurredAt));
        Assert.Equal($"{TestOrders.Number}:{refunded.Events.Count}:refund_succeeded", refundEvent.Id);
    }

    [Fact]
    public void FailRefund_moves_PENDING_to_FAILED_with_one_refund_failed_event()
    {
        var late = TestOrders.Cancelled().RecordLatePayment(TestOrders.PaidAt, LatePaymentPolicy.Refund);

        var failed = late.FailRefund(TestOrders.PaidAt.AddSeconds(5));

        Assert.Equal(RefundStatus.Failed, failed.Refund!.Status);
        Assert.Equal(OrderEventTypes.RefundFailed, failed.Events[^1].Type);
    }

    [Theory]
    [InlineData(LatePaymentPolicy.Manual)]
    [InlineData(null)]
    public void Only_a_PENDING_refund_completes_or_fails(LatePaymentPolicy? policy)
    {
        var order = policy is { } p ? TestOrders.Cancelled().RecordLatePayment(TestOrders.PaidAt, p) : TestOrders.Cancelled();

        Assert.Throws<InvalidOperationException>(() => order.CompleteRefund("RF1", TestOrders.PaidAt));
        Assert.Throws<InvalidOperationException>(() => order.FailRefund(TestOrders.PaidAt));
    }

    [Fact]
    public void A_refund_ends_once()
    {
        var refunded = TestOrders.Cancelled().RecordLatePayment(TestOrders.PaidAt, LatePaymentPolicy.Refund).CompleteRefund("RF1", TestOrders.PaidAt);

        Assert.Throws<InvalidOperationException>(() => refunded.CompleteRefund("RF1", TestOrders.PaidAt));
        Assert.Throws<InvalidOperationException>(() => refunded.FailRefund(TestOrders.PaidAt));
    }

    [Fact]
    public void IsPlacedBy_accepts_the_same_request()
    {
        Assert.True(TestOrders.New().IsPlacedBy(TestOrders.Command(), TestOrders.Timeout));
    }

    [Theory]
    [MemberData(nameof(OtherRequests))]
    public void IsPlacedBy_rejects_another_request_under_the_same_number(string difference)
    {
        var (command, timeout) = PlaceOrderVariants.Differing(difference);

        Assert.False(TestOrders.New().IsPlacedBy(command, timeout));
    }

    public static TheoryData<string> OtherRequests => new(PlaceOrderVariants.Differences);
}
