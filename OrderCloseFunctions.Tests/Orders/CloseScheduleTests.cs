using OrderClose.Orders.Ports;

namespace OrderClose.Tests.Orders;

public sealed class CloseScheduleTests
{
    [Fact]
    public void AtDeadline_is_identified_by_the_order_number_and_due_at_the_deadline()
    {
        var schedule = CloseSchedule.AtDeadline(TestOrders.New());

        Assert.Equal(new CloseSchedule(TestOrders.Number, TestOrders.Number, TestOrders.Deadline, TestOrders.Deadline), schedule);
    }

    [Fact]
    public void Resent_has_another_id_than_the_original_so_the_queue_does_not_drop_it()
    {
        var order = TestOrders.New();

        Assert.NotEqual(CloseSchedule.AtDeadline(order).MessageId, CloseSchedule.Resent(order).MessageId);
    }

    [Fact]
    public void Resent_is_the_same_for_the_same_order_so_two_early_copies_collapse()
    {
        var first = CloseSchedule.Resent(TestOrders.New());
        var second = CloseSchedule.Resent(TestOrders.New() with { });

        Assert.Equal(first, second);
        Assert.Equal(TestOrders.Deadline, first.DueAt);
        Assert.Equal(TestOrders.Number, first.OutTradeNo);
    }
}
