using Azure.Messaging.ServiceBus;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Messaging;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Orders;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Messaging;

public sealed class ServiceBusCloseSchedulerTests
{
    private readonly ServiceBusSender _sender = Substitute.For<ServiceBusSender>();
    private readonly ServiceBusCloseScheduler _scheduler;

    public ServiceBusCloseSchedulerTests() => _scheduler = new ServiceBusCloseScheduler(_sender);

    [Fact]
    public async Task A_close_is_scheduled_for_the_deadline_in_utc_with_the_order_number_and_deadline_as_message_id()
    {
        var deadline = new DateTimeOffset(2026, 11, 28, 20, 30, 0, TimeSpan.FromHours(8));
        var order = TestOrders.New("T1001", deadline);
        ServiceBusMessage? sent = null;
        DateTimeOffset at = default;
        _sender.ScheduleMessageAsync(Arg.Do<ServiceBusMessage>(m => sent = m), Arg.Do<DateTimeOffset>(t => at = t), Arg.Any<CancellationToken>())
            .Returns(77L);

        var sequenceNumber = await _scheduler.ScheduleAsync(CloseSchedule.AtDeadline(order), CancellationToken.None);

        Assert.Equal(77L, sequenceNumber);
        Assert.Equal("T1001@20261128T123000.0000000Z", sent!.MessageId);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal(deadline, at);
        Assert.Equal(TimeSpan.Zero, at.Offset);
        var body = CloseOrderMessage.TryParse(sent.Body, out _);
        Assert.Equal(new CloseOrderMessage(1, "T1001", deadline), body);
    }

    [Fact]
    public async Task A_retry_carries_its_attempt_in_the_body_and_its_own_message_id()
    {
        ServiceBusMessage? sent = null;
        DateTimeOffset at = default;
        _sender.ScheduleMessageAsync(Arg.Do<ServiceBusMessage>(m => sent = m), Arg.Do<DateTimeOffset>(t => at = t), Arg.Any<CancellationToken>())
            .Returns(79L);
        var due = Collaborators.Now.AddMinutes(3);

        await _scheduler.ScheduleAsync(CloseSchedule.Retry("T1001", Collaborators.Now, 2, due), CancellationToken.None);

        Assert.Equal("T1001#retry2", sent!.MessageId);
        Assert.Equal(due, at);
        Assert.Equal(new CloseOrderMessage(1, "T1001", Collaborators.Now) { Attempt = 2 }, CloseOrderMessage.TryParse(sent.Body, out _));
    }

    [Fact]
    public async Task A_resent_close_has_its_own_message_id_so_duplicate_detection_keeps_it()
    {
        ServiceBusMessage? sent = null;
        _sender.ScheduleMessageAsync(Arg.Do<ServiceBusMessage>(m => sent = m), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(78L);

        await _scheduler.ScheduleAsync(CloseSchedule.Resent(TestOrders.New("T1001", Collaborators.Now), 5, TimeSpan.Zero), CancellationToken.None);

        Assert.StartsWith("T1001@", sent!.MessageId);
    }

    [Fact]
    public async Task A_transient_service_bus_failure_becomes_dependency_unavailable()
    {
        _sender.ScheduleMessageAsync(Arg.Any<ServiceBusMessage>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy));

        await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => _scheduler.ScheduleAsync(CloseSchedule.AtDeadline(TestOrders.New("T1001", Collaborators.Now)), CancellationToken.None));
    }

    [Fact]
    public async Task A_permanent_service_bus_failure_is_not_disguised_as_transient()
    {
        _sender.ScheduleMessageAsync(Arg.Any<ServiceBusMessage>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new ServiceBusException("no queue", ServiceBusFailureReason.MessagingEntityNotFound));

        var thrown = await Assert.ThrowsAsync<ServiceBusException>(
            () => _scheduler.ScheduleAsync(CloseSchedule.AtDeadline(TestOrders.New("T1001", Collaborators.Now)), CancellationToken.None));
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, thrown.Reason);
    }

    [Fact]
    public async Task Cancelling_a_scheduled_close_cancels_its_sequence_number()
    {
        Assert.True(await _scheduler.CancelAsync(77, CancellationToken.None));

        await _sender.Received(1).CancelScheduledMessageAsync(77, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Cancelling_a_close_that_was_already_activated_answers_false()
    {
        _sender.CancelScheduledMessageAsync(77, Arg.Any<CancellationToken>())
            .ThrowsAsync(new ServiceBusException("gone", ServiceBusFailureReason.MessageNotFound));

        Assert.False(await _scheduler.CancelAsync(77, CancellationToken.None));
    }
}
