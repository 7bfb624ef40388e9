using OrderClose.Orders;
using OrderClose.Orders.Events;

namespace OrderClose.Tests.Orders;

/// <summary>The outbox in the order: each move out of NEW appends one event, written with the move, published later.</summary>
public sealed class OrderEventsTests
{
    [Fact]
    public void A_new_order_has_no_events()
    {
        Assert.Empty(TestOrders.New().Events);
        Assert.Null(TestOrders.New().Events.PendingSince);
    }

    [Fact]
    public void Paying_appends_one_unpublished_paid_event_at_the_payment_time_telling_of_the_paid_order()
    {
        var paid = TestOrders.New().MarkPaid(TestOrders.PaidAt);

        var orderEvent = Assert.Single(paid.Events);
        Assert.Equal($"{TestOrders.Number}:1:paid", orderEvent.Id);
        Assert.Equal(OrderEventTypes.Paid, orderEvent.Type);
        Assert.Equal(TestOrders.PaidAt, orderEvent.OccurredAt);
        Assert.Equal(paid with { Events = OrderEventLog.Empty }, orderEvent.Order);
        Assert.False(orderEvent.IsPublished);
        Assert.Equal(TestOrders.PaidAt, paid.Events.PendingSince);
    }

    [Fact]
    public void Cancelling_appends_one_cancelled_event_at_the_close_time()
    {
        var cancelled = TestOrders.New().Cancel(TestOrders.Deadline, CloseUnpaidOrder.PaymentTimeoutReason);

        var orderEvent = Assert.Single(cancelled.Events);
        Assert.Equal($"{TestOrders.Number}:1:cancelled", orderEvent.Id);
        Assert.Equal(OrderEventTypes.Cancelled, orderEvent.Type);
        Assert.Equal(TestOrders.Deadline, orderEvent.OccurredAt);
        Assert.Equal(OrderState.Cancelled, orderEvent.Order.State);
    }

    [Fact]
    public void The_same_transition_of_the_same_order_always_has_the_same_id()
    {
        var first = TestOrders.New().Cancel(TestOrders.Deadline, "A");
        var again = TestOrders.New().Cancel(TestOrders.Deadline.AddMinutes(1), "B");

        Assert.Equal(first.Events[0].Id, again.Events[0].Id);
    }

    [Fact]
    public void A_change_that_is_not_a_move_adds_no_event()
    {
        var cancelled = TestOrders.Cancelled();

        Assert.Equal(cancelled.Events, cancelled.RecordLatePayment(TestOrders.PaidAt, LatePaymentPolicy.Refund).Events);
    }

    [Fact]
    public void Marking_published_keeps_the_event_and_clears_what_is_pending()
    {
        var paid = TestOrders.Paid();
        var at = TestOrders.PaidAt.AddSeconds(1);

        var marked = paid.MarkEventsPublished([paid.Events[0].Id], at);

        Assert.Equal(at, Assert.Single(marked.Events).PublishedAt);
        Assert.Empty(marked.Events.Unpublished);
        Assert.Null(marked.Events.PendingSince);
        Assert.Equal(at, marked.MarkEventsPublished([paid.Events[0].Id], at.AddHours(1)).Events[0].PublishedAt);
    }

    [Fact]
    public void Orders_with_equal_events_are_equal_and_a_publication_makes_them_differ()
    {
        Assert.Equal(TestOrders.Paid(), TestOrders.Paid());
        Assert.NotEqual(TestOrders.Paid(), TestOrders.Paid().Published(TestOrders.PaidAt));
    }
}
