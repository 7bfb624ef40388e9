using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderClose.Functions;
using OrderClose.Orders;
using OrderClose.Orders.Events;
using OrderClose.Payments;
using OrderClose.Tests.Orders;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Support;

/// <summary>
/// The whole close path with real use cases and the real CloseOrder function over an in-memory store, the simulated
/// close queue and an <see cref="OutageProvider"/>, all on one fake clock starting at <see cref="Start"/>.
/// </summary>
public sealed class ClosePipeline : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly OrderMetricsProbe _metrics = new();

    public ClosePipeline(double jitter = 0.5)
    {
        Queue = new SimulatedCloseQueue(Clock);
        Provider = new OutageProvider(Clock, TestOrders.PayType);
        Jitter = new FixedJitter(jitter);
        var providers = new PaymentProviderPicker([Provider]);
        Outbox = TestOutbox.Over(Store, Events, Clock, _metrics.Metrics);
        Close = new CloseUnpaidOrder(Store, providers, Outbox, Clock, _metrics.Metrics, NullLogger<CloseUnpaidOrder>.Instance);
        Confirm = new ConfirmPayment(Store, Queue, Refunds, Outbox, Options.Create(new OrderOptions()), Clock, _metrics.Metrics, NullLogger<ConfirmPayment>.Instance);
        Place = new PlaceOrder(Store, Queue, Options.Create(new OrderOptions()), Clock, _metrics.Metrics, NullLogger<PlaceOrder>.Instance);
        RetryPolicy = new CloseRetryPolicy(Options.Create(RetryOptions), Jitter, Clock);
        Function = new CloseOrderFunction(
            new HandleDueClose(Close, Queue, RetryPolicy, NullLogger<HandleDueClose>.Instance), Clock, _metrics.Metrics, NullLogger<CloseOrderFunction>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public InMemoryOrderStore Store { get; } = new();
    public RecordingEventPublisher Events { get; } = new();
    public OrderEventOutbox Outbox { get; }
    public SimulatedCloseQueue Queue { get; }
    public RecordingRefundScheduler Refunds { get; } = new();
    public OutageProvider Provider { get; }
    public FixedJitter Jitter { get; }
    public CloseRetryOptions RetryOptions { get; } = new();
    public CloseRetryPolicy RetryPolicy { get; }
    public CloseUnpaidOrder Close { get; }
    public PlaceOrder Place { get; }
    public ConfirmPayment Confirm { get; }
    public CloseOrderFunction Function { get; }

    /// <summary>Places <paramref name="count"/> orders now, due one a minute from a minute from now; returns their numbers.</summary>
    public async Task<string[]> PlaceOrdersAsync(int count)
    {
        var numbers = new string[count];
        for (var i = 0; i < count; i++)
        {
            numbers[i] = $"T{i:0000}";
            var command = new PlaceOrderCommand(numbers[i], TestOrders.Amount, TestOrders.PayType, null, TimeSpan.FromMinutes(i + 1));
            await Place.HandleAsync(command, CancellationToken.None);
        }
        return numbers;
    }

    /// <summary>The place use case over this pipeline's store and clock, scheduling through <paramref name="scheduler"/>.</summary>
    public PlaceOrder PlaceOver(OrderClose.Orders.Ports.ICloseScheduler scheduler) =>
        new(Store, scheduler, Options.Create(new OrderOptions()), Clock, _metrics.Metrics, NullLogger<PlaceOrder>.Instance);

    public Order Order(string outTradeNo) => Store.Peek(outTradeNo)!.Order;

    public Task RunQueueUntilAsync(DateTimeOffset until) => Queue.RunAsync(Function, until);

    public void Dispose() => _metrics.Dispose();
}
