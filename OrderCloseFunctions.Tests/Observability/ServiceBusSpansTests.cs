using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using OrderClose.Messaging;
using OrderClose.Orders;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Capacity;

namespace OrderClose.Tests.Observability;

/// <summary>
/// How many spans the Service Bus SDK adds to a trace for each call the app's adapters make, which
/// <see cref="OrderPathsTests"/> counts per port call (the runner has no Service Bus). Measured against a namespace that
/// refuses the connection: the SDK makes its spans whether the call succeeds or not.
/// </summary>
[Collection(ProcessWideTelemetryCollection.Name)]
public sealed class ServiceBusSpansTests : IAsyncLifetime
{
    private static readonly ActivitySource Invocation = new("OrderClose.Tests.ServiceBusSpans");

    private readonly List<Activity> _spans = [];
    private ServiceProvider _telemetry = null!;
    private ServiceBusClient _client = null!;

    public Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddOpenTelemetry().WithOrderCloseSignals().WithTracing(tracing => tracing.AddSource(Invocation.Name).AddInMemoryExporter(_spans));
        _telemetry = services.BuildServiceProvider();
        _telemetry.GetRequiredService<TracerProvider>();
        _client = new ServiceBusClient(
            $"Endpoint=sb://127.0.0.1:{ClosedPort()};SharedAccessKeyName=test;SharedAccessKey=dGVzdA==;UseDevelopmentEmulator=true",
            new ServiceBusClientOptions { RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = TimeSpan.FromSeconds(5) } });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_close_scheduled_is_two_spans_the_message_and_the_schedule()
    {
        var scheduler = new ServiceBusCloseScheduler(_client.CreateSender("order-close"));
        var order = Order.Place(new PlaceOrderCommand("SPANS1", new Money(1999, "CNY"), "ALIPAY", null, null), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15));

        var spans = await SpansOfAsync(() => scheduler.ScheduleAsync(CloseSchedule.AtDeadline(order), CancellationToken.None));

        Assert.Equal(["Message", "ServiceBusSender.Schedule"], spans);
        Assert.Equal(OrderPathsTests.SpansPerServiceBusMessage, spans.Count);
    }

    [Fact]
    public async Task A_cancel_is_one_span()
    {
        var scheduler = new ServiceBusCloseScheduler(_client.CreateSender("order-close"));

        var spans = await SpansOfAsync(() => scheduler.CancelAsync(42, CancellationToken.None));

        Assert.Equal(["ServiceBusSender.Cancel"], spans);
        Assert.True(spans.Count == OrderPathsTests.SpansPerServiceBusCancel, $"OrderPathsTests counts {OrderPathsTests.SpansPerServiceBusCancel} a cancel");
    }

    [Fact]
    public async Task An_event_published_is_two_spans_the_message_and_the_send()
    {
        var publisher = new ServiceBusOrderEventPublisher(_client.CreateSender("order-events"));
        var order = Order.Place(new PlaceOrderCommand("SPANS2", new Money(1999, "CNY"), "ALIPAY", null, null), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15));
        var paid = new OrderEvent(OrderEvent.IdOf("SPANS2", 1, OrderEventTypes.Paid), OrderEventTypes.Paid, DateTimeOffset.UtcNow, order);

        var spans = await SpansOfAsync(() => publisher.PublishAsync(paid, CancellationToken.None));

        Assert.Equal(["Message", "ServiceBusSender.Send"], spans);
        Assert.Equal(OrderPathsTests.SpansPerServiceBusMessage, spans.Count);
    }

    /// <summary>The names of the spans <paramref name="call"/> made under a root of this test's, in the order they started.</summary>
    private async Task<List<string>> SpansOfAsync(Func<Task> call)
    {
        Activity root;
        using (root = Invocation.StartActivity("invoke")!)
        {
            await Assert.ThrowsAnyAsync<Exception>(call);
        }
        _telemetry.GetRequiredService<TracerProvider>().ForceFlush();
        return [.. _spans.ToArray().Where(span => span.TraceId == root.TraceId && span != root).OrderBy(span => span.StartTimeUtc).Select(span => span.DisplayName)];
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _telemetry.DisposeAsync();
    }
}
