using OrderClose.Messaging;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.Messaging;

/// <summary>
/// What every <see cref="ICloseScheduler"/> must send for a <see cref="CloseSchedule"/>: the same MessageId, content type,
/// body (attempt included) and due time. One subclass per implementation reads back what it put on its queue.
/// </summary>
public abstract class CloseSchedulerContract
{
    protected static readonly DateTimeOffset Deadline = new(2026, 11, 28, 20, 30, 0, TimeSpan.FromHours(8));

    protected abstract ICloseScheduler Scheduler { get; }

    /// <summary>The message the scheduler's queue holds under <paramref name="handle"/>.</summary>
    protected abstract Task<SentClose> SentAsync(long handle);

    protected sealed record SentClose(string MessageId, string? ContentType, BinaryData Body, DateTimeOffset DueAt);

    [Fact]
    public async Task The_close_at_the_deadline_goes_under_the_order_number_and_deadline_as_json_due_at_the_deadline()
    {
        var sent = await ScheduleAsync(CloseSchedule.AtDeadline(TestOrders.New("C1001", Deadline)));

        Assert.Equal("C1001@20261128T123000.0000000Z", sent.MessageId);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal(Deadline, sent.DueAt);
        Assert.Equal(new CloseOrderMessage(1, "C1001", Deadline), CloseOrderMessage.TryParse(sent.Body, out _));
    }

    [Fact]
    public async Task A_retry_carries_its_attempt_in_the_body()
    {
        var due = Deadline.AddMinutes(3);

        var sent = await ScheduleAsync(CloseSchedule.Retry("C1002", Deadline, 2, due));

        Assert.Equal("C1002#retry2", sent.MessageId);
        Assert.Equal(due, sent.DueAt);
        Assert.Equal(new CloseOrderMessage(1, "C1002", Deadline) { Attempt = 2 }, CloseOrderMessage.TryParse(sent.Body, out _));
    }

    [Fact]
    public async Task A_resent_and_a_redriven_close_keep_their_own_message_ids()
    {
        var order = TestOrders.New("C1003", Deadline);

        var resent = await ScheduleAsync(CloseSchedule.Resent(order, 41, TimeSpan.Zero));
        var redriven = await ScheduleAsync(CloseSchedule.Redriven("C1003", Deadline, 42, Deadline.AddHours(1)));

        Assert.Equal("C1003@resend41", resent.MessageId);
        Assert.Equal(Deadline + CloseSchedule.ResendMargin, resent.DueAt);
        Assert.Equal("C1003#redrive42", redriven.MessageId);
        Assert.Equal(0, CloseOrderMessage.TryParse(redriven.Body, out _)!.Attempt);
    }

    private async Task<SentClose> ScheduleAsync(CloseSchedule schedule) =>
        await SentAsync(await Scheduler.ScheduleAsync(schedule, CancellationToken.None));
}
