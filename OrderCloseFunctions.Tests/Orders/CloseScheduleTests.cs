using OrderClose.Orders.Ports;

namespace OrderClose.Tests.Orders;

public sealed class CloseScheduleTests
{
    [Fact]
    public void AtDeadline_is_identified_by_the_order_number_and_deadline_and_due_at_the_deadline()
    {
        var schedule = CloseSchedule.AtDeadline(TestOrders.New());

        Assert.Equal(new CloseSchedule($"{TestOrders.Number}@20250301T103000.0000000Z", TestOrders.Number, TestOrders.Deadline, TestOrders.Deadline), schedule);
    }

    [Fact]
    public void Closes_of_one_number_with_other_deadlines_have_other_ids_so_the_queue_keeps_both()
    {
        var order = TestOrders.New();

        Assert.NotEqual(
            CloseSchedule.AtDeadline(order).MessageId,
            CloseSchedule.AtDeadline(order with { PayDeadline = order.PayDeadline.AddTicks(1) }).MessageId);
        Assert.True(CloseSchedule.AtDeadline(order with { OutTradeNo = new string('T', 64) }).MessageId.Length <= 128);
    }

    [Fact]
    public void Resent_has_another_id_than_the_original_so_the_queue_does_not_drop_it()
    {
        var order = TestOrders.New();

        Assert.NotEqual(CloseSchedule.AtDeadline(order).MessageId, CloseSchedule.Resent(order, 7, TimeSpan.Zero).MessageId);
    }

    [Fact]
    public void Two_copies_of_one_early_message_resend_the_same_close_so_they_collapse()
    {
        var first = CloseSchedule.Resent(TestOrders.New(), 7, TimeSpan.Zero);
        var second = CloseSchedule.Resent(TestOrders.New() with { }, 7, TimeSpan.Zero);

        Assert.Equal(first, second);
        Assert.Equal(TestOrders.Number, first.OutTradeNo);
    }

    [Fact]
    public void A_resend_that_came_early_again_is_a_new_message_so_the_queue_does_not_drop_it()
    {
        Assert.NotEqual(
            CloseSchedule.Resent(TestOrders.New(), 7, TimeSpan.Zero).MessageId,
            CloseSchedule.Resent(TestOrders.New(), 8, TimeSpan.Zero).MessageId);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(3, 4)]
    public void A_resend_is_due_past_the_deadline_by_the_queue_clock_lead_and_a_margin(int leadSeconds, int dueSecondsAfterDeadline)
    {
        var schedule = CloseSchedule.Resent(TestOrders.New(), 7, TimeSpan.FromSeconds(leadSeconds));

        Assert.Equal(TestOrders.Deadline.AddSeconds(dueSecondsAfterDeadline), schedule.DueAt);
        Assert.Equal(TestOrders.Deadline, schedule.PayDeadline);
    }
}
