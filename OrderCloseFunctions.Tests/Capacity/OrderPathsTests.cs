using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using OrderClose.Payments.Alipay;
using OrderClose.Tests.EndToEnd;
using OrderClose.Tests.Observability;
using OrderClose.Tests.Payments.Alipay;
using OrderClose.Tools.Capacity;

namespace OrderClose.Tests.Capacity;

/// <summary>
/// <see cref="OrderPaths"/> held to the code: the runner, with Alipay on its gateway stub, drives a few orders down each
/// path, and what the counting decorators saw per order must be what the capacity plan says each path costs.
/// </summary>
/// <remarks>
/// The runner stands in for Azure behind the ports, so each port call is mapped to what it is in Azure:
/// <list type="bullet">
/// <item>Cosmos DB: each <c>FindAsync</c> is a point read (a miss included), <c>TryCreateAsync</c> a create,
/// <c>TryReplaceAsync</c> a compare-and-set replace (<c>CosmosOrderStore</c>: one request each).</item>
/// <item>Service Bus: a close scheduled is 1 operation (a scheduled send), a cancel 1, an event published 1 (a send to
/// the topic); a delivered close is 2: the trigger's receive and the function's settlement (complete, abandon or dead
/// letter), counted at the settlement. Events' subscribers' deliveries are not the app's.</item>
/// <item>Executions: each HTTP function request, and each close delivered to CloseOrder.</item>
/// <item>Provider calls: each call to the provider port (Alipay's payment start signs a URL without a request: counted anyway).</item>
/// </list>
/// And what it sends Application Insights: spans are counted as the runner's tracer provider (the app's
/// <see cref="Telemetry.WithOrderCloseSignals"/>) ends them, log records as its loggers write them under the app's level
/// (Information: host.json's <c>logLevel.default</c>). Spans are the requests, the dependencies and the app's own:
/// <list type="bullet">
/// <item>a request per execution (the worker's invocation span);</item>
/// <item>a dependency per Cosmos DB operation (the SDK's <c>Azure.Cosmos.Operation</c> span; <see cref="Observability.CloseOrderTraceTests"/>
/// shows one per point operation, and in Azure the SDK talks Direct mode, without HTTP spans under it);</item>
/// <item>two per Service Bus message scheduled or sent (the SDK's <c>Message</c> span, whose id the message carries, and its
/// <c>ServiceBusSender.Schedule</c> or <c>.Send</c> span), one per cancel (<c>ServiceBusSender.Cancel</c>), as
/// <see cref="Observability.ServiceBusSpansTests"/> measures them; the trigger's receive and settlement are the Functions
/// host's, not the app's;</item>
/// <item>the HTTP client's span of each request to the provider, and the app's own spans (each provider call, each
/// settlement), both counted as the runner made them.</item>
/// </list>
/// Log records are the app's own (categories <c>OrderClose.*</c>; the runner's and the host's left out).
/// </remarks>
[Collection(ProcessWideTelemetryCollection.Name)]
public sealed class OrderPathsTests : IAsyncLifetime
{
    private const int OrdersPerPath = 3;

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("orderclose-paths-");
    private readonly string _prefix = $"P{Guid.NewGuid():N}"[..10].ToUpperInvariant();
    private readonly TelemetryTally _telemetry = new();
    private AlipayGatewayStub _gateway = null!;
    private RunningRunner _runner = null!;
    private int _requestsSent;

    public async Task InitializeAsync()
    {
        _gateway = await AlipayGatewayStub.StartAsync();
        _gateway.Respond = request => _gateway.Signed(request.Method, request.Method == "alipay.trade.query"
            ? $$"""{"code":"10000","msg":"Success","out_trade_no":"{{request.OutTradeNo}}","trade_status":"WAIT_BUYER_PAY","total_amount":"19.99"}"""
            : """{"code":"10000","msg":"Success"}""");
        _runner = await RunningRunner.StartAsync(_data.FullName, (IServiceCollection services) =>
            {
                services.AddOpenTelemetry().WithOrderCloseSignals().WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddProcessor(_telemetry));
                services.AddSingleton<ILoggerProvider>(_telemetry.Logs);
            },
            $"--Alipay:AppId={AlipayServices.AppId}",
            $"--Alipay:AppPrivateKey={TestKeys.App.PrivateKeyPem}",
            $"--Alipay:AlipayPublicKey={TestKeys.Alipay.PublicKeyPem}",
            $"--Alipay:GatewayUrl={_gateway.Url}",
            "--Payments:PublicBaseUrl=http://127.0.0.1/",
            // The app's level in Azure (host.json), for the records counted; the console stays quiet.
            "--Logging:LogLevel:Default=Information",
            "--Logging:Console:LogLevel:Default=Warning",
            // Nothing but the paths under test: the sweep's run at start is over before the first path starts, no later one comes.
            "--Sweep:Interval=01:00:00");
    }

    [Fact]
    public async Task Each_path_costs_each_service_what_OrderPaths_says_per_order()
    {
        var paid = Numbers("PAID");
        var unpaid = Numbers("UNPAID");
        var before = await QuietAsync();

        foreach (var outTradeNo in paid)
        {
            await PlaceAsync(outTradeNo, timeoutSeconds: 600);
        }
        var placed = await QuietAsync();
        foreach (var outTradeNo in paid)
        {
            _requestsSent++;
            using var started = await _runner.StartPaymentAsync(outTradeNo, """{"channel":"page"}""");
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }
        var paymentsStarted = await QuietAsync();
        foreach (var outTradeNo in paid)
        {
            await NotifyPaidAsync(outTradeNo);
        }
        var paidByCallback = await QuietAsync();
        foreach (var outTradeNo in unpaid)
        {
            await PlaceAsync(outTradeNo, timeoutSeconds: 1);
        }
        var closed = await QuietAsync(settlements: OrdersPerPath);

        Assert.Equal(OrdersPerPath * PathCounts.Of(OrderPaths.Place), placed - before);
        Assert.Equal(OrdersPerPath * PathCounts.Of(OrderPaths.StartPayment), paymentsStarted - placed);
        Assert.Equal(OrdersPerPath * PathCounts.Of(OrderPaths.PaidByCallback), paidByCallback - paymentsStarted);
        // The unpaid orders are placed too: the close cannot be had without.
        Assert.Equal(OrdersPerPath * (PathCounts.Of(OrderPaths.Place) + PathCounts.Of(OrderPaths.ClosedUnpaid)), closed - paidByCallback);
        foreach (var outTradeNo in paid)
        {
            Assert.Equal(1, _runner.Transitions.MovesOf(outTradeNo));
        }
        foreach (var outTradeNo in unpaid)
        {
            Assert.Equal(1, _runner.Transitions.MovesOf(outTradeNo));
        }
    }

    private List<string> Numbers(string path) => [.. Enumerable.Range(1, OrdersPerPath).Select(i => $"{_prefix}-{path}-{i}")];

    private async Task PlaceAsync(string outTradeNo, int timeoutSeconds)
    {
        _requestsSent++;
        using var created = await _runner.CreateAsync(outTradeNo, timeoutSeconds, payType: AlipayProvider.Name);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    /// <summary>Alipay's asynchronous callback for a payment of the order's amount, signed by Alipay, sent now.</summary>
    private async Task NotifyPaidAsync(string outTradeNo)
    {
        var body = AlipayNotifications.SignedBody(AlipayNotifications.Notification(
            ("out_trade_no", outTradeNo), ("notify_time", ChinaTime.Format(DateTimeOffset.UtcNow))));
        _requestsSent++;
        using var answer = await _runner.Http.PostAsync("api/payments/alipay/notify",
            new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("success", await answer.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Waits (bounded) until the runner has ended the spans of the requests sent and settled <paramref name="settlements"/>
    /// closes, and nothing has moved for a while, so the work they started in the background (a close, an event) is in the
    /// counts; returns them.
    /// </summary>
    private async Task<PathCounts> QuietAsync(int settlements = 0)
    {
        var giveUpAt = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var last = Observe();
        var stillSince = DateTime.UtcNow;
        while (DateTime.UtcNow < giveUpAt)
        {
            await Task.Delay(50);
            var now = Observe();
            if (now != last)
            {
                (last, stillSince) = (now, DateTime.UtcNow);
            }
            else if (_telemetry.FunctionRequests >= _requestsSent && _runner.Calls.Settlements >= settlements
                && DateTime.UtcNow - stillSince >= TimeSpan.FromMilliseconds(300))
            {
                return now;
            }
        }
        return last;
    }

    /// <summary>What the runner did so far, as what it would cost in Azure (the mapping above).</summary>
    private PathCounts Observe()
    {
        var calls = _runner.Calls;
        var executions = _telemetry.FunctionRequests + calls.Settlements;
        return new PathCounts(
            CosmosReads: calls.Finds,
            CosmosCreates: calls.Creates,
            CosmosReplaces: calls.Replaces,
            ServiceBusOperations: calls.Schedules + calls.Cancels + calls.Publishes + 2 * calls.Settlements,
            Executions: executions,
            ProviderCalls: calls.ProviderCalls,
            Spans: executions * SpansPerExecution
                + calls.StoreOperations * SpansPerCosmosOperation
                + (calls.Schedules + calls.Publishes) * SpansPerServiceBusMessage + calls.Cancels * SpansPerServiceBusCancel
                + _telemetry.ProviderHttpCalls + _telemetry.OwnSpans,
            LogRecords: _telemetry.AppLogRecords);
    }

    // What the Azure SDKs and the worker add to a trace in Azure, per call of the port the runner stands in for (above).
    private const int SpansPerExecution = 1;
    private const int SpansPerCosmosOperation = 1;
    internal const int SpansPerServiceBusMessage = 2;
    internal const int SpansPerServiceBusCancel = 1;

    /// <summary>What one pass down a path costs, or several.</summary>
    private sealed record PathCounts(
        long CosmosReads, long CosmosCreates, long CosmosReplaces, long ServiceBusOperations, long Executions, long ProviderCalls,
        long Spans, long LogRecords)
    {
        public static PathCounts Of(OrderPath path) => new(
            path.CosmosReads, path.CosmosCreates, path.CosmosReplaces, path.ServiceBusOperations, path.Executions, path.ProviderCalls,
            path.Spans, path.LogRecords);

        public static PathCounts operator +(PathCounts a, PathCounts b) => new(
            a.CosmosReads + b.CosmosReads, a.CosmosCreates + b.CosmosCreates, a.CosmosReplaces + b.CosmosReplaces,
            a.ServiceBusOperations + b.ServiceBusOperations, a.Executions + b.Executions, a.ProviderCalls + b.ProviderCalls,
            a.Spans + b.Spans, a.LogRecords + b.LogRecords);

        public static PathCounts operator -(PathCounts a, PathCounts b) => a + (-1 * b);

        public static PathCounts operator *(long times, PathCounts a) => new(
            times * a.CosmosReads, times * a.CosmosCreates, times * a.CosmosReplaces,
            times * a.ServiceBusOperations, times * a.Executions, times * a.ProviderCalls,
            times * a.Spans, times * a.LogRecords);
    }

    public async Task DisposeAsync()
    {
        await _runner.DisposeAsync();
        _telemetry.Dispose();
        await _gateway.DisposeAsync();
        _data.Delete(recursive: true);
    }
}
