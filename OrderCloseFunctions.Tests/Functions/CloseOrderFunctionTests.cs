using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Functions;
using OrderClose.Messaging;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Orders;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Functions;

/// <summary>
/// The function's own part: the message read into a <see cref="DueClose"/> (body, delivery count, sequence number, the
/// queue's clock lead), and each settlement <see cref="HandleDueClose"/> decides made on <see cref="ServiceBusMessageActions"/>.
/// The decisions themselves are <see cref="Orders.HandleDueCloseTests"/>.
/// </summary>
public sealed class CloseOrderFunctionTests
{
    private readonly Collaborators _c = new();
    private readonly ServiceBusMessageActions _actions = Substitute.For<ServiceBusMessageActions>();
    private readonly CloseOrderFunction _function;

    public CloseOrderFunctionTests()
    {
        _function = new CloseOrderFunction(_c.HandleDueClose(), _c.Clock, _c.Metrics, NullLogger<CloseOrderFunction>.Instance);
        _c.Store.TryReplaceAsync(Arg.Any<StoredOrder>(), Arg.Any<Order>(), Arg.Any<CancellationToken>())
            .Returns(call => new StoredOrder(call.ArgAt<Order>(1), "\"2\""));
    }

    [Fact]
    public async Task A_message_for_an_unknown_order_is_completed()
    {
        var message = Message("T404");

        await RunAsync(message);

        await _actions.Received(1).CompleteMessageAsync(message, Arg.Any<CancellationToken>());
        await AssertNotAbandonedOrDeadLetteredAsync();
    }

    [Fact]
    public async Task An_early_message_is_resent_for_the_deadline_under_its_sequence_number_and_completed_without_touching_the_order()
    {
        var deadline = Collaborators.Now.AddMinutes(5);
        Given(TestOrders.New("T1001", deadline));
        var message = Message("T1001", sequenceNumber: 4711);

        await RunAsync(message);

        await _c.Scheduler.Received(1).ScheduleAsync(
            Arg.Is<CloseSchedule>(s => s.DueAt == deadline + CloseSchedule.ResendMargin && s.MessageId == "T1001@resend4711" && s.OutTradeNo == "T1001"),
            Arg.Any<CancellationToken>());
        await _actions.Received(1).CompleteMessageAsync(message, Arg.Any<CancellationToken>());
        await _c.Alipay.DidNotReceiveWithAnyArgs().QueryAsync(default!, default);
        await _c.Store.DidNotReceiveWithAnyArgs().TryReplaceAsync(default!, default!, default);
    }

    [Fact]
    public async Task A_close_that_the_queue_delivered_on_its_schedule_but_early_by_our_clock_is_resent_that_much_later()
    {
        var deadline = Collaborators.Now.AddSeconds(3);
        Given(TestOrders.New("T1001", deadline));
        var message = Message("T1001", scheduledFor: deadline);

        await RunAsync(message);

        await _c.Scheduler.Received(1).ScheduleAsync(
            Arg.Is<CloseSchedule>(s => s.DueAt == deadline + TimeSpan.FromSeconds(3) + CloseSchedule.ResendMargin), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_store_failure_abandons_the_message_for_redelivery()
    {
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("429"));
        var message = Message("T1001", deliveryCount: 3);

        await RunAsync(message);

        await _actions.Received(1).AbandonMessageAsync(message, null, Arg.Any<CancellationToken>());
        await _actions.DidNotReceiveWithAnyArgs().CompleteMessageAsync(default!, default);
        await _actions.DidNotReceiveWithAnyArgs().DeadLetterMessageAsync(default!);
    }

    [Fact]
    public async Task After_the_immediate_deliveries_a_transient_failure_reschedules_the_next_attempt_and_completes()
    {
        Given(TestOrders.New("T1001", Collaborators.Now));
        _c.Alipay.QueryAsync("T1001", Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("gateway timeout"));
        var message = Message("T1001", deliveryCount: 4, attempt: 2);

        await RunAsync(message);

        // Attempt 2 waits between 2 and 4 minutes; the jitter draws 0.5.
        await _c.Scheduler.Received(1).ScheduleAsync(
            new CloseSchedule("T1001#retry3", "T1001", Collaborators.Now, Collaborators.Now.AddMinutes(3)) { Attempt = 3 }, Arg.Any<CancellationToken>());
        await _actions.Received(1).CompleteMessageAsync(message, Arg.Any<CancellationToken>());
        await AssertNotAbandonedOrDeadLetteredAsync();
    }

    [Fact]
    public async Task An_order_of_an_unknown_pay_type_dead_letters_with_the_reason()
    {
        Given(TestOrders.New("T1001", Collaborators.Now, "PAYPAL"));
        var message = Message("T1001");

        await RunAsync(message);

        await _actions.Received(1).DeadLetterMessageAsync(message, null, "UnknownPayType",
            Arg.Is<string>(d => d.Contains("PAYPAL")), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("not json", "UnreadableBody")]
    [InlineData("""{"schemaVersion":9,"outTradeNo":"T1001","payDeadline":"2026-11-28T12:00:00Z"}""", "UnsupportedSchemaVersion")]
    public async Task A_poison_message_is_dead_lettered_with_a_reason_and_nothing_is_read(string body, string reason)
    {
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString(body), messageId: "m1");

        await RunAsync(message);

        await _actions.Received(1).DeadLetterMessageAsync(message, null, reason, Arg.Any<string>(), Arg.Any<CancellationToken>());
        await _c.Store.DidNotReceiveWithAnyArgs().FindAsync(default!, default);
    }

    [Fact]
    public async Task An_unexpected_failure_abandons_and_fails_the_invocation()
    {
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("bug"));
        var message = Message("T1001");

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(message));

        await _actions.Received(1).AbandonMessageAsync(message, null, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_completed_close_records_how_many_deliveries_it_took()
    {
        await RunAsync(Message("T404", deliveryCount: 4));

        var deliveries = Assert.Single(_c.MetricsProbe.CloseDeliveries.GetMeasurementSnapshot());
        Assert.Equal(4, deliveries.Value);
        Assert.Equal("complete", deliveries.Tags["settlement"]);
    }

    [Fact]
    public async Task A_dead_lettered_close_records_its_deliveries_as_dead_lettered()
    {
        Given(TestOrders.New("T1001", Collaborators.Now, "PAYPAL"));

        await RunAsync(Message("T1001", deliveryCount: 2));

        var deliveries = Assert.Single(_c.MetricsProbe.CloseDeliveries.GetMeasurementSnapshot());
        Assert.Equal(2, deliveries.Value);
        Assert.Equal("dead_letter", deliveries.Tags["settlement"]);
    }

    [Fact]
    public async Task An_abandoned_close_is_not_settled_yet_so_records_no_deliveries()
    {
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("429"));

        await RunAsync(Message("T1001"));

        Assert.Empty(_c.MetricsProbe.CloseDeliveries.GetMeasurementSnapshot());
    }

    private void Given(Order order) =>
        _c.Store.FindAsync(order.OutTradeNo, Arg.Any<CancellationToken>()).Returns(TestOrders.Stored(order));

    private static ServiceBusReceivedMessage Message(
        string outTradeNo, int deliveryCount = 1, int attempt = 0, DateTimeOffset scheduledFor = default, long sequenceNumber = 1) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: new CloseOrderMessage(1, outTradeNo, Collaborators.Now) { Attempt = attempt }.ToBody(),
            messageId: outTradeNo,
            contentType: CloseOrderMessage.ContentType,
            sequenceNumber: sequenceNumber,
            deliveryCount: deliveryCount,
            scheduledEnqueueTime: scheduledFor);

    private Task RunAsync(ServiceBusReceivedMessage message) => _function.RunAsync(message, _actions, CancellationToken.None);

    private async Task AssertNotAbandonedOrDeadLetteredAsync()
    {
        await _actions.DidNotReceiveWithAnyArgs().AbandonMessageAsync(default!);
        await _actions.DidNotReceiveWithAnyArgs().DeadLetterMessageAsync(default!);
    }
}
