using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using OrderClose.Functions;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Payments;
using OrderClose.Tests.Orders;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Functions;

/// <summary>
/// The function's own part: the body read into a <see cref="DueRefund"/> with the delivery count, an unreadable one
/// dead-lettered with the reason, and each settlement <see cref="RefundLatePayment"/> decides made on the message.
/// The decisions themselves are <see cref="RefundLatePaymentTests"/>.
/// </summary>
public sealed class RefundLatePaymentFunctionTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(TestOrders.Deadline.AddMinutes(5));
    private readonly InMemoryOrderStore _store = new();
    private readonly OutageProvider _provider;
    private readonly OrderMetricsProbe _metrics = new();
    private readonly ServiceBusMessageActions _actions = Substitute.For<ServiceBusMessageActions>();
    private readonly RefundLatePaymentFunction _function;

    public RefundLatePaymentFunctionTests()
    {
        _provider = new OutageProvider(_clock, TestOrders.PayType);
        var refund = new RefundLatePayment(_store, new PaymentProviderPicker([_provider]), new RecordingRefundScheduler(),
            new CloseRetryPolicy(Options.Create(new CloseRetryOptions()), new FixedJitter(0.5), _clock),
            TestOutbox.Over(_store, new RecordingEventPublisher(), _clock, _metrics.Metrics), _clock, _metrics.Metrics, NullLogger<RefundLatePayment>.Instance);
        _function = new RefundLatePaymentFunction(refund, NullLogger<RefundLatePaymentFunction>.Instance);
    }

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task A_refund_made_completes_the_message()
    {
        _store.Add(TestOrders.Cancelled().RecordLatePayment(TestOrders.Deadline, LatePaymentPolicy.Refund));
        var message = Message($$"""{"schemaVersion":1,"outTradeNo":"{{TestOrders.Number}}"}""");

        await _function.RunAsync(message, _actions, CancellationToken.None);

        await _actions.Received(1).CompleteMessageAsync(message, Arg.Any<CancellationToken>());
        Assert.Equal(RefundStatus.Succeeded, _store.Peek(TestOrders.Number)!.Order.Refund!.Status);
    }

    [Fact]
    public async Task A_refusal_dead_letters_the_message_with_the_reason()
    {
        _store.Add(TestOrders.Cancelled().RecordLatePayment(TestOrders.Deadline, LatePaymentPolicy.Refund));
        _provider.RefundAnswer = _ => RefundOutcome.Refused("NOT_ENOUGH: 余额不足");
        var message = Message($$"""{"schemaVersion":1,"outTradeNo":"{{TestOrders.Number}}"}""");

        await _function.RunAsync(message, _actions, CancellationToken.None);

        await _actions.Received(1).DeadLetterMessageAsync(message, Arg.Any<Dictionary<string, object>>(), "RefundRefused",
            Arg.Is<string>(d => d.Contains("NOT_ENOUGH")), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_failure_that_may_pass_on_the_first_delivery_abandons_the_message()
    {
        _store.Add(TestOrders.Cancelled().RecordLatePayment(TestOrders.Deadline, LatePaymentPolicy.Refund));
        _provider.DownUntil = DateTimeOffset.MaxValue;
        var message = Message($$"""{"schemaVersion":1,"outTradeNo":"{{TestOrders.Number}}"}""");

        await _function.RunAsync(message, _actions, CancellationToken.None);

        await _actions.Received(1).AbandonMessageAsync(message, Arg.Any<IDictionary<string, object>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_unreadable_body_is_dead_lettered_with_the_reason_and_nothing_is_refunded()
    {
        var message = Message("""{"schemaVersion":9,"outTradeNo":"T1"}""");

        await _function.RunAsync(message, _actions, CancellationToken.None);

        await _actions.Received(1).DeadLetterMessageAsync(message, Arg.Any<Dictionary<string, object>>(), "UnsupportedSchemaVersion",
            Arg.Any<string>(), Arg.Any<CancellationToken>());
        Assert.Empty(_provider.Refunds);
    }

    private static ServiceBusReceivedMessage Message(string body) => ServiceBusModelFactory.ServiceBusReceivedMessage(
        body: BinaryData.FromString(body), messageId: "R1@0", deliveryCount: 1, sequenceNumber: 1);
}
