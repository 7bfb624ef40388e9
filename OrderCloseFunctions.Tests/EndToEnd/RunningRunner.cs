using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Tools.Bench;
using OrderClose.Tools.Chaos;
using OrderClose.LocalRunner.Hosting;
using OrderClose.Tools.Hosting;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Contract;

namespace OrderClose.Tests.EndToEnd;

/// <summary>
/// The local runner started in-process on a free loopback port over a data folder, driven over real HTTP; each answer
/// must be as openapi.yaml describes it.
/// </summary>
public sealed class RunningRunner : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly WebApplication _app;

    private RunningRunner(WebApplication app, CallCounts calls, ChaosCounts transitions)
    {
        _app = app;
        Calls = calls;
        Transitions = transitions;
        // Every answer the tests get is checked against openapi.yaml.
        Http = new HttpClient(new OpenApiValidatingHandler(OpenApiContract.Current))
        {
            BaseAddress = app.Services.GetRequiredService<RunnerAddress>().BaseAddress,
        };
    }

    public HttpClient Http { get; }

    /// <summary>Calls to the ports, by operation: the store, the provider, the close scheduler, the event publisher, the close queue's settlements.</summary>
    public CallCounts Calls { get; }

    /// <summary>Each order's stored moves out of NEW, counted as the chaos command counts them.</summary>
    public ChaosCounts Transitions { get; }

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <param name="settings">App settings over the runner's, e.g. <c>--Sweep:Interval=00:00:00.200</c>.</param>
    public static Task<RunningRunner> StartAsync(string dataDirectory, params string[] settings) => StartAsync(dataDirectory, provider => provider, settings);

    /// <param name="provider">What the payment provider the functions see is made of the sandbox.</param>
    public static Task<RunningRunner> StartAsync(string dataDirectory, Func<IPaymentProvider, IPaymentProvider> provider, params string[] settings) =>
        StartAsync(dataDirectory, services => services.Decorate(provider), settings);

    /// <param name="decorate">Last say over the runner's services, e.g. a port that fails.</param>
    public static async Task<RunningRunner> StartAsync(string dataDirectory, Action<IServiceCollection> decorate, params string[] settings)
    {
        var calls = new CallCounts();
        var transitions = new ChaosCounts();
        var options = new RunnerOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = dataDirectory,
            ConfigurationArgs = ["--Logging:LogLevel:Default=Warning", .. settings],
        };
        var app = LocalRunnerHost.Build(options, builder =>
        {
            builder.Services
                .Decorate<IOrderStore>(store => new TransitionCountingStore(store, transitions))
                .Decorate<IOrderStore>(store => new CountingOrderStore(store, calls))
                .Decorate<IPaymentProvider>(inner => new CountingPaymentProvider(inner, calls, _ => false))
                .Decorate<ICloseScheduler>(scheduler => new CountingCloseScheduler(scheduler, calls))
                .Decorate<IOrderEventPublisher>(publisher => new CountingEventPublisher(publisher, calls))
                .Decorate<ServiceBusMessageActions>(actions => new CountingSettlements(actions, calls));
            decorate(builder.Services);
        });
        await app.StartAsync();
        return new RunningRunner(app, calls, transitions);
    }

    public Task<HttpResponseMessage> CreateAsync(string outTradeNo, int timeoutSeconds, string payType = "SANDBOX") =>
        Http.PostAsJsonAsync("api/orders", new
        {
            outTradeNo,
            amount = 1999,
            currency = "CNY",
            payType,
            subject = "Green tea",
            paymentTimeoutSeconds = timeoutSeconds,
        });

    public async Task<JsonElement> GetAsync(string outTradeNo)
    {
        using var response = await Http.GetAsync($"api/orders/{outTradeNo}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary><c>POST /api/orders/{outTradeNo}/payment</c> with the given JSON body.</summary>
    public Task<HttpResponseMessage> StartPaymentAsync(string outTradeNo, string body) =>
        Http.PostAsync($"api/orders/{outTradeNo}/payment", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PayAsync(string outTradeNo) => Http.PostAsync($"sandbox/pay/{outTradeNo}", content: null);

    /// <summary>The local topic read back over <c>GET /local/events</c>, every event after <paramref name="after"/>.</summary>
    public async Task<List<JsonElement>> EventsAsync(long after = 0)
    {
        using var response = await Http.GetAsync($"local/events?after={after}&limit=1000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("events").EnumerateArray().ToList();
    }

    /// <summary>Polls the local topic until <paramref name="count"/> events are there (bounded), and returns them.</summary>
    public async Task<List<JsonElement>> WaitForEventsAsync(int count)
    {
        var giveUpAt = DateTime.UtcNow + Patience;
        while (true)
        {
            var events = await EventsAsync();
            if (events.Count >= count || DateTime.UtcNow > giveUpAt)
            {
                return events;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Polls until the order leaves NEW (bounded), and returns it.</summary>
    public async Task<JsonElement> WaitUntilSettledAsync(string outTradeNo)
    {
        var giveUpAt = DateTime.UtcNow + Patience;
        while (true)
        {
            var order = await GetAsync(outTradeNo);
            if (order.GetProperty("state").GetString() != "NEW" || DateTime.UtcNow > giveUpAt)
            {
                return order;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Polls until the order's refund is <paramref name="status"/> (bounded), and returns the order.</summary>
    public async Task<JsonElement> WaitForRefundAsync(string outTradeNo, string status)
    {
        var giveUpAt = DateTime.UtcNow + Patience;
        while (true)
        {
            var order = await GetAsync(outTradeNo);
            if (order.GetProperty("refund") is { ValueKind: JsonValueKind.Object } refund && refund.GetProperty("status").GetString() == status
                || DateTime.UtcNow > giveUpAt)
            {
                return order;
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
