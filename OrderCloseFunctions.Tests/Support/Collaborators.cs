using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Payments;
using OrderClose.Tests.Orders;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Support;

/// <summary>The real use cases over substituted ports, a fake clock at <see cref="Now"/> and an ALIPAY provider that takes CNY.</summary>
public sealed class Collaborators
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public IOrderStore Store { get; } = Substitute.For<IOrderStore>();
    public ICloseScheduler Scheduler { get; } = Substitute.For<ICloseScheduler>();
    public RecordingRefundScheduler Refunds { get; } = new();
    public IPaymentProvider Alipay { get; } = Substitute.For<IPaymentProvider>();
    public FakeTimeProvider Clock { get; } = new(Now);
    public IOptions<OrderOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new OrderOptions());
    public OrderMetricsProbe MetricsProbe { get; } = new();
    public OrderMetrics Metrics => MetricsProbe.Metrics;
    public IPaymentProviderPicker Providers { get; }
    public CloseRetryOptions RetryOptions { get; } = new();
    public FixedJitter Jitter { get; } = new(0.5);

    public Collaborators()
    {
        Alipay.PayType.Returns("ALIPAY");
        Alipay.Supports("CNY").Returns(true);
        Alipay.Reply(Arg.Any<NotificationOutcome>()).Returns(call => NotificationReplies.PlainText(call.Arg<NotificationOutcome>()));
        Providers = new PaymentProviderPicker([Alipay]);
    }

    public PlaceOrder PlaceOrder() => new(Store, Scheduler, Options, Clock, Metrics, NullLogger<PlaceOrder>.Instance);

    public RecordingEventPublisher Events { get; } = new();

    public ConfirmPayment ConfirmPayment() => new(Store, Scheduler, Refunds, TestOutbox.Over(Store, Events, Clock, Metrics), Options, Clock, Metrics, NullLogger<ConfirmPayment>.Instance);

    public CloseUnpaidOrder CloseUnpaidOrder() => new(Store, Providers, TestOutbox.Over(Store, Events, Clock, Metrics), Clock, Metrics, NullLogger<CloseUnpaidOrder>.Instance);

    public CloseRetryPolicy CloseRetryPolicy() => new(Microsoft.Extensions.Options.Options.Create(RetryOptions), Jitter, Clock);

    public HandleDueClose HandleDueClose() => new(CloseUnpaidOrder(), Scheduler, CloseRetryPolicy(), NullLogger<HandleDueClose>.Instance);
}
