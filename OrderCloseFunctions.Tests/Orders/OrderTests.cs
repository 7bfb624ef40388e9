using OrderClose.Orders;

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

    [Fact]
    public void RequireRefund_flags_a_cancelled_order_and_keeps_it_cancelled()
    {
        var refund = TestOrders.Cancelled().RequireRefund();

        Assert.True(refund.RefundRequired);
        Assert.Equal(OrderState.Cancelled, refund.State);
    }

    [Theory]
    [InlineData(OrderState.New)]
    [InlineData(OrderState.Paid)]
    public void RequireRefund_refuses_an_order_that_is_not_cancelled(OrderState state)
    {
        Assert.Throws<InvalidOperationException>(() => TestOrders.In(state).RequireRefund());
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
