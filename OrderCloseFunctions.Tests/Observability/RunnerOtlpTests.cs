using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.LocalRunner.Hosting;

namespace OrderClose.Tests.Observability;

/// <summary>The runner started with an OTLP endpoint sends its traces and the OrderClose meter there over OTLP/HTTP.</summary>
public sealed class RunnerOtlpTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // An HttpListener, not Kestrel: the runner's ASP.NET Core instrumentation would trace an in-process Kestrel collector too.
    private readonly HttpListener _collector = new();
    private readonly ConcurrentQueue<(string Path, string ContentType, string Body)> _received = new();
    private readonly Uri _endpoint;

    public RunnerOtlpTests()
    {
        _endpoint = new Uri($"http://127.0.0.1:{FreePort()}/");
        _collector.Prefixes.Add(_endpoint.ToString());
        _collector.Start();
        _ = CollectAsync();
    }

    [Fact]
    public async Task A_created_order_reaches_the_collector_as_spans_and_as_the_orders_created_metric()
    {
        var options = new RunnerOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = null,
            OtlpEndpoint = _endpoint,
            ConfigurationArgs = ["--Logging:LogLevel:Default=Warning"],
        };
        await using var runner = LocalRunnerHost.Build(options);
        await runner.StartAsync();
        using var http = new HttpClient { BaseAddress = runner.Services.GetRequiredService<RunnerAddress>().BaseAddress };

        using var created = await http.PostAsJsonAsync("api/orders", new
        {
            outTradeNo = "OTLP-1", amount = 1999, currency = "CNY", payType = "SANDBOX", paymentTimeoutSeconds = 60,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Protobuf keeps strings as UTF-8 bytes, so names can be found in an export without the OTLP schema.
        var traces = await WaitForAsync("/v1/traces", "POST /api/orders");
        Assert.Equal("application/x-protobuf", traces.ContentType);
        Assert.Contains(RunnerTelemetry.ServiceName, traces.Body);
        await WaitForAsync("/v1/metrics", "orderclose.orders.created");
    }

    private async Task CollectAsync()
    {
        while (_collector.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _collector.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _received.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "", Encoding.UTF8.GetString(body.ToArray())));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private async Task<(string Path, string ContentType, string Body)> WaitForAsync(string path, string text)
    {
        var giveUpAt = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < giveUpAt)
        {
            foreach (var export in _received)
            {
                if (export.Path == path && export.Body.Contains(text, StringComparison.Ordinal))
                {
                    return export;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No export to {path} named '{text}' within {Patience}; exports received: {_received.Count}.");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose() => _collector.Close();
}
