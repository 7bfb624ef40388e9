using System.Diagnostics;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using OpenTelemetry;
using OpenTelemetry.Trace;
using OrderClose.Functions;
using OrderClose.Messaging;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Payments.Alipay;
using OrderClose.Storage;
using OrderClose.Tests.Payments.Alipay;
using OrderClose.Tests.Storage;

namespace OrderClose.Tests.Observability;

/// <summary>
/// A close run through the app's own registrations (Cosmos DB on cosmosdb-server, Alipay on its gateway stub) under
/// the app's OpenTelemetry signals: the store, the provider and the settlement show as child spans of the invocation,
/// and no span carries buyer data.
/// </summary>
[Collection(CosmosDbServerCollection.Name)]
public sealed class CloseOrderTraceTests(CosmosDbServerFixture cosmos) : IAsyncLifetime
{
    private const string Subject = "Oolong for 王小明";
    private const string BuyerLogonId = "159****5620";
    private const string BuyerUserId = "2088102177846880";

    private static readonly ActivitySource Invocation = new("OrderClose.Tests.Invocation");

    private readonly List<Activity> _spans = [];
    private AlipayGatewayStub _gateway = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _gateway = await AlipayGatewayStub.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [CosmosConnection.Setting] = cosmos.ConnectionString,
            ["Alipay:AppId"] = AlipayServices.AppId,
            ["Alipay:AppPrivateKey"] = TestKeys.App.PrivateKeyPem,
            ["Alipay:AlipayPublicKey"] = TestKeys.Alipay.PublicKeyPem,
            ["Alipay:GatewayUrl"] = _gateway.Url.ToString(),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddOrderCloseUseCases(configuration)
            .AddCosmosOrderStore(configuration)
            .AddAlipay(configuration)
            .AddSingleton(Substitute.For<ICloseScheduler>())
            .AddSingleton(Substitute.For<IOrderEventPublisher>())
            .AddScoped<CloseOrderFunction>();
        services.AddOpenTelemetry()
            .WithOrderCloseSignals()
            .WithTracing(tracing => tracing.AddSource(Invocation.Name).AddInMemoryExporter(_spans));
        _services = services.BuildServiceProvider();
        _services.GetRequiredService<TracerProvider>();
    }

    [Fact]
    public async Task A_close_shows_the_store_read_the_provider_query_and_close_the_replace_and_the_settlement_as_children()
    {
        var outTradeNo = $"TRACE{Guid.NewGuid():N}"[..24];
        await PlaceDueOrderAsync(outTradeNo);
        _gateway.Respond = request => _gateway.Signed(request.Method, request.Method == "alipay.trade.query"
            ? $$"""{"code":"10000","msg":"Success","out_trade_no":"{{outTradeNo}}","trade_no":"2026112922001","trade_status":"WAIT_BUYER_PAY","buyer_logon_id":"{{BuyerLogonId}}","buyer_user_id":"{{BuyerUserId}}","total_amount":"19.99"}"""
            : $$"""{"code":"10000","msg":"Success","out_trade_no":"{{outTradeNo}}","trade_no":"2026112922001"}""");
        var actions = Substitute.For<ServiceBusMessageActions>();

        Activity invocation;
        using (invocation = Invocation.StartActivity("Invoke CloseOrder")!)
        {
            await using var scope = _services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CloseOrderFunction>().RunAsync(Message(outTradeNo), actions, CancellationToken.None);
        }
        _services.GetRequiredService<TracerProvider>().ForceFlush();

        await actions.Received(1).CompleteMessageAsync(Arg.Any<ServiceBusReceivedMessage>(), Arg.Any<CancellationToken>());
        var trace = _spans.ToArray().Where(span => span.TraceId == invocation.TraceId && span != invocation).ToList();
        Assert.All(trace, span => Assert.True(DescendsFrom(span, invocation, trace), $"{span.DisplayName} is not under the invocation"));

        var cosmosOperations = trace.Where(span => span.Source.Name == "Azure.Cosmos.Operation").Select(Operation).ToList();
        // The move to CANCELLED, then the mark of its event as published.
        Assert.Equal(["read_item", "replace_item", "replace_item"], cosmosOperations);
        var query = Assert.Single(trace, span => span.DisplayName == "ALIPAY query");
        var close = Assert.Single(trace, span => span.DisplayName == "ALIPAY close");
        Assert.Equal("AwaitingPayment", query.GetTagItem("orderclose.result"));
        Assert.Equal("Closed", close.GetTagItem("orderclose.result"));
        Assert.Single(trace, span => span.Parent == query && span.Kind == ActivityKind.Client && span.GetTagItem("http.request.method") is "POST");
        Assert.Single(trace, span => span.Parent == close && span.Kind == ActivityKind.Client && span.GetTagItem("http.request.method") is "POST");
        var settle = Assert.Single(trace, span => span.DisplayName == "settle close message");
        Assert.Equal("complete", settle.GetTagItem("orderclose.settlement"));
        Assert.True(Started(trace, "replace_item") < settle.StartTimeUtc, "the settlement follows the move's replace");
    }

    [Fact]
    public async Task No_span_of_a_close_carries_buyer_data_keys_or_signatures()
    {
        var outTradeNo = $"TRACE{Guid.NewGuid():N}"[..24];
        await PlaceDueOrderAsync(outTradeNo);
        var signatures = new List<string>();
        _gateway.Respond = request =>
        {
            var reply = _gateway.Signed(request.Method,
                $$"""{"code":"10000","msg":"Success","out_trade_no":"{{outTradeNo}}","trade_status":"WAIT_BUYER_PAY","buyer_logon_id":"{{BuyerLogonId}}","buyer_user_id":"{{BuyerUserId}}"}""");
            signatures.Add(request.Fields["sign"]);
            return reply;
        };

        Activity invocation;
        using (invocation = Invocation.StartActivity("Invoke CloseOrder")!)
        {
            await using var scope = _services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CloseOrderFunction>()
                .RunAsync(Message(outTradeNo), Substitute.For<ServiceBusMessageActions>(), CancellationToken.None);
        }
        _services.GetRequiredService<TracerProvider>().ForceFlush();

        var secrets = new[] { Subject, BuyerLogonId, BuyerUserId, TestKeys.App.PrivateKeyPem[40..80] }.Concat(signatures).ToList();
        Assert.NotEmpty(signatures);
        // Only this close's trace: other tests' spans in this process are not this test's business.
        var values = _spans.ToArray().Where(span => span.TraceId == invocation.TraceId).SelectMany(span => span.TagObjects.Select(tag => $"{span.DisplayName} {tag.Key}={tag.Value}")
            .Concat(span.Events.SelectMany(e => e.Tags.Select(tag => $"{span.DisplayName} event {e.Name} {tag.Key}={tag.Value}")))
            .Append($"{span.DisplayName} status={span.StatusDescription}")).ToList();
        Assert.NotEmpty(values);
        foreach (var secret in secrets)
        {
            var leak = values.FirstOrDefault(value => value.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"A span carries '{secret}': {leak}");
        }
    }

    private async Task PlaceDueOrderAsync(string outTradeNo)
    {
        var now = _services.GetRequiredService<TimeProvider>().GetUtcNow();
        var order = Order.Place(new PlaceOrderCommand(outTradeNo, new Money(1999, "CNY"), "ALIPAY", Subject, TimeSpan.FromMinutes(15)),
            now - TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(15));
        Assert.NotNull(await _services.GetRequiredService<IOrderStore>().TryCreateAsync(order, CancellationToken.None));
    }

    private static ServiceBusReceivedMessage Message(string outTradeNo) => ServiceBusModelFactory.ServiceBusReceivedMessage(
        body: new CloseOrderMessage(CloseOrderMessage.CurrentSchemaVersion, outTradeNo, DateTimeOffset.UtcNow).ToBody(),
        messageId: outTradeNo,
        contentType: CloseOrderMessage.ContentType,
        deliveryCount: 1);

    private static string? Operation(Activity span) => span.GetTagItem("db.operation.name") as string;

    /// <summary>When the first Cosmos DB operation named <paramref name="cosmosOperation"/> started.</summary>
    private static DateTime Started(IEnumerable<Activity> trace, string cosmosOperation) =>
        trace.Where(span => span.Source.Name == "Azure.Cosmos.Operation" && Operation(span) == cosmosOperation).Min(span => span.StartTimeUtc);

    private static bool DescendsFrom(Activity span, Activity root, IReadOnlyCollection<Activity> trace)
    {
        for (var parentId = span.ParentSpanId; parentId != default;)
        {
            if (parentId == root.SpanId)
            {
                return true;
            }
            parentId = trace.FirstOrDefault(other => other.SpanId == parentId)?.ParentSpanId ?? default;
        }
        return false;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _gateway.DisposeAsync();
    }
}
