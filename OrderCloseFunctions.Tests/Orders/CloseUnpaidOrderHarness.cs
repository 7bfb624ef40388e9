using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Orders;

/// <summary>
/// <see cref="CloseUnpaidOrder"/> over an in-memory store and one substitute provider for
/// <see cref="TestOrders.PayType"/>, at <see cref="Now"/>, a little after the test order's deadline.
/// By default the provider reports the trade unpaid and closes it.
/// </summary>
public sealed class CloseUnpaidOrderHarness : IDisposable
{
    public static readonly TimeSpan Lateness = TimeSpan.FromSeconds(90);
    public static readonly DateTimeOffset Now = TestOrders.Deadline + Lateness;

    public CloseUnpaidOrderHarness()
    {
        Provider.PayType.Returns(TestOrders.PayType);
        Provider.QueryAsync(default!, default).ReturnsForAnyArgs(new TradeQuery(TradeState.AwaitingPayment));
        Provider.CloseAsync(default!, default).ReturnsForAnyArgs(TradeCloseResult.Closed);
        var providers = Substitute.For<IPaymentProviderPicker>();
        // Unconfigured calls would return an auto-substitute provider, not null.
        providers.Find(default!).ReturnsForAnyArgs((IPaymentProvider?)null);
        providers.Find(TestOrders.PayType).Returns(Provider);
        var clock = new FakeTimeProvider(Now);
        Close = new CloseUnpaidOrder(Store, providers, TestOutbox.Over(Store, Events, clock), clock, Metrics.Metrics, Log);
    }

    public InMemoryOrderStore Store { get; } = new();
    public RecordingEventPublisher Events { get; } = new();
    public IPaymentProvider Provider { get; } = Substitute.For<IPaymentProvider>();
    public OrderMetricsProbe Metrics { get; } = new();
    public FakeLogger<CloseUnpaidOrder> Log { get; } = new();
    public CloseUnpaidOrder Close { get; }

    /// <summary>Delivers the close of the test order.</summary>
    public Task<CloseOutcome> HandleAsync() => Close.HandleAsync(TestOrders.Number, CancellationToken.None);

    public Order Stored() => Store.Peek(TestOrders.Number)!.Order;

    /// <summary>Stands for the payment callback: moves the stored order to PAID behind the close's back.</summary>
    public Task PayBehindTheBackAsync()
    {
        var current = Store.Peek(TestOrders.Number)!;
        return Store.TryReplaceAsync(current, current.Order.MarkPaid(TestOrders.PaidAt), CancellationToken.None);
    }

    public async Task AssertProviderUntouchedAsync()
    {
        await Provider.DidNotReceiveWithAnyArgs().QueryAsync(default!, default);
        await Provider.DidNotReceiveWithAnyArgs().CloseAsync(default!, default);
    }

    public void AssertNothingCancelledCounted()
    {
        Assert.Empty(Metrics.Cancelled.GetMeasurementSnapshot());
        Assert.DoesNotContain(Metrics.CloseLateness.GetMeasurementSnapshot(), lateness => Equals(lateness.Tags["outcome"], "cancelled"));
    }

    public void Dispose() => Metrics.Dispose();
}
