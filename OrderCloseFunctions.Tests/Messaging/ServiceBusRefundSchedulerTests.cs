using Azure.Messaging.ServiceBus;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Messaging;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Messaging;

public sealed class ServiceBusRefundSchedulerTests
{
    private readonly ServiceBusSender _sender = Substitute.For<ServiceBusSender>();
    private readonly ServiceBusRefundScheduler _scheduler;

    public ServiceBusRefundSchedulerTests() => _scheduler = new ServiceBusRefundScheduler(_sender);

    [Fact]
    public async Task A_refund_request_goes_to_the_queue_with_a_message_id_per_order_and_attempt_and_a_json_body()
    {
        ServiceBusMessage? sent = null;
        DateTimeOffset at = default;
        _sender.ScheduleMessageAsync(Arg.Do<ServiceBusMessage>(m => sent = m), Arg.Do<DateTimeOffset>(t => at = t), Arg.Any<CancellationToken>())
            .Returns(5L);
        var due = new DateTimeOffset(2026, 11, 28, 20, 30, 0, TimeSpan.FromHours(8));

        await _scheduler.ScheduleAsync(RefundSchedule.Retry("T1001", 2, due), CancellationToken.None);

        Assert.Equal(("RT1001@2", "application/json", "refund-order"), (sent!.MessageId, sent.ContentType, sent.Subject));
        Assert.Equal((due, TimeSpan.Zero), (at, at.Offset));
        Assert.Equal("""{"schemaVersion":1,"outTradeNo":"T1001","attempt":2}""", sent.Body.ToString());
        Assert.Equal(new RefundOrderMessage(1, "T1001") { Attempt = 2 }, RefundOrderMessage.TryParse(sent.Body, out _));
    }

    [Fact]
    public async Task The_first_request_leaves_the_attempt_out_and_is_due_now()
    {
        ServiceBusMessage? sent = null;
        _sender.ScheduleMessageAsync(Arg.Do<ServiceBusMessage>(m => sent = m), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(5L);

        await _scheduler.ScheduleAsync(RefundSchedule.First("T1001", Collaborators.Now), CancellationToken.None);

        Assert.Equal(("RT1001@0", """{"schemaVersion":1,"outTradeNo":"T1001"}"""), (sent!.MessageId, sent.Body.ToString()));
    }

    [Fact]
    public async Task A_transient_service_bus_failure_is_a_dependency_failure()
    {
        _sender.ScheduleMessageAsync(default!, default, default)
            .ThrowsAsyncForAnyArgs(new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() =>
            _scheduler.ScheduleAsync(RefundSchedule.First("T1001", Collaborators.Now), CancellationToken.None));
    }

    [Theory]
    [InlineData("not json", "UnreadableBody")]
    [InlineData("null", "UnreadableBody")]
    [InlineData("""{"schemaVersion":2,"outTradeNo":"T1"}""", "UnsupportedSchemaVersion")]
    [InlineData("""{"schemaVersion":1,"outTradeNo":"T 1"}""", "UnreadableBody")]
    [InlineData("""{"schemaVersion":1}""", "UnreadableBody")]
    [InlineData("""{"schemaVersion":1,"outTradeNo":"T1","attempt":-1}""", "UnreadableBody")]
    public void A_body_that_is_not_a_refund_request_is_refused_with_a_reason(string body, string reason)
    {
        Assert.Null(RefundOrderMessage.TryParse(BinaryData.FromString(body), out var rejection));
        Assert.Equal(reason, rejection!.Reason);
    }
}
