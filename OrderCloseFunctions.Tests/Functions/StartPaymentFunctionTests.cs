using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Functions;
using OrderClose.Functions.Http;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Orders;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Functions;

public sealed class StartPaymentFunctionTests
{
    private static readonly Uri CashierUrl = new("https://openapi.alipay.com/gateway.do?method=alipay.trade.page.pay&sign=x");

    private readonly Collaborators _c = new();
    private readonly StartPaymentFunction _function;

    public StartPaymentFunctionTests()
    {
        _c.Alipay.Channels.Returns(["page", "wap", "h5"]);
        _c.Alipay.ChannelsNeedingPayerIp.Returns(["h5"]);
        _c.Alipay.StartPaymentAsync(default!, default).ReturnsForAnyArgs(new PaymentStart(CashierUrl, PaymentUrlKind.Redirect));
        _function = new StartPaymentFunction(new StartPayment(_c.Store, _c.Providers, _c.Options, _c.Clock, NullLogger<StartPayment>.Instance));
    }

    private void Stored(Order order) =>
        _c.Store.FindAsync(order.OutTradeNo, Arg.Any<CancellationToken>()).Returns(TestOrders.Stored(order));

    [Fact]
    public async Task A_new_order_answers_200_with_the_payment_url_and_the_deadline_as_expiry()
    {
        Stored(TestOrders.New("T1", Collaborators.Now + TimeSpan.FromMinutes(10)));

        var answer = await PostAsync("T1", """{"channel":"page","returnUrl":"https://shop.test/orders/T1"}""");

        Assert.Equal(200, answer.Status);
        var json = answer.Json;
        Assert.Equal("T1", json.GetProperty("outTradeNo").GetString());
        Assert.Equal("ALIPAY", json.GetProperty("payType").GetString());
        Assert.Equal("page", json.GetProperty("channel").GetString());
        Assert.Equal(CashierUrl.AbsoluteUri, json.GetProperty("paymentUrl").GetString());
        Assert.Equal("REDIRECT", json.GetProperty("paymentUrlKind").GetString());
        Assert.Equal("2026-11-28T12:10:00Z", json.GetProperty("expiresAt").GetString());
        await _c.Alipay.Received(1).StartPaymentAsync(
            Arg.Is<PaymentStartRequest>(r => r.ReturnUrl == new Uri("https://shop.test/orders/T1")), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("""{"channel":"page","returnUrl":"http://127.0.0.1:8080/back"}""")]
    [InlineData("""{"channel":"wap"}""")]
    public async Task An_https_or_loopback_return_url_or_none_is_taken(string body)
    {
        Stored(TestOrders.New("T1", Collaborators.Now + TimeSpan.FromMinutes(10)));

        Assert.Equal(200, (await PostAsync("T1", body)).Status);
    }

    [Theory]
    [InlineData("""{"channel":"page","returnUrl":"http://shop.test/back"}""", "returnUrl")]
    [InlineData("""{"channel":"page","returnUrl":"/back"}""", "returnUrl")]
    [InlineData("""{"channel":"page","returnUrl":"javascript:alert(1)"}""", "returnUrl")]
    [InlineData("""{"channel":"page","returnUrl":"https://user:pw@shop.test/"}""", "returnUrl")]
    [InlineData("""{"returnUrl":"https://shop.test/"}""", "channel")]
    [InlineData("""{"channel":""}""", "channel")]
    [InlineData("""{"channel":"native"}""", "channel")]
    [InlineData("""{"channel":"h5"}""", "payerClientIp")]
    [InlineData("""{"channel":"h5","payerClientIp":"1"}""", "payerClientIp")]
    [InlineData("""{"channel":"h5","payerClientIp":"0x7f.0.0.1"}""", "payerClientIp")]
    [InlineData("""{"channel":"h5","payerClientIp":"fe80::1%eth0"}""", "payerClientIp")]
    [InlineData("""{"channel":"h5","payerClientIp":"shop.test"}""", "payerClientIp")]
    [InlineData("""{"channel":"page","payerClientIp":"203.0.113.256"}""", "payerClientIp")]
    public async Task A_bad_channel_or_return_url_is_400_naming_the_field_and_starts_nothing(string body, string field)
    {
        Stored(TestOrders.New("T1", Collaborators.Now + TimeSpan.FromMinutes(10)));

        var answer = await PostAsync("T1", body);

        Assert.Equal(400, answer.Status);
        Assert.Equal(Problems.ContentType, answer.MediaType);
        Assert.True(answer.Json.GetProperty("errors").TryGetProperty(field, out _), answer.Body);
        await _c.Alipay.DidNotReceiveWithAnyArgs().StartPaymentAsync(default!, default);
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("2001:db8::7")]
    public async Task The_buyer_s_IP_address_is_passed_to_a_channel_that_needs_it(string payerIp)
    {
        Stored(TestOrders.New("T1", Collaborators.Now + TimeSpan.FromMinutes(10)));

        var answer = await PostAsync("T1", $$"""{"channel":"h5","payerClientIp":"{{payerIp}}"}""");

        Assert.Equal(200, answer.Status);
        await _c.Alipay.Received(1).StartPaymentAsync(
            Arg.Is<PaymentStartRequest>(r => r.PayerIp!.Equals(System.Net.IPAddress.Parse(payerIp))), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("""{"channel":1}""")]
    public async Task A_body_that_is_not_a_request_is_400(string body)
    {
        Assert.Equal(400, (await PostAsync("T1", body)).Status);
    }

    [Fact]
    public async Task An_unknown_order_is_404()
    {
        var answer = await PostAsync("T404", """{"channel":"page"}""");

        Assert.Equal(404, answer.Status);
        Assert.Equal(Problems.ContentType, answer.MediaType);
    }

    [Theory]
    [InlineData(OrderState.Paid)]
    [InlineData(OrderState.Cancelled)]
    public async Task A_settled_order_is_409(OrderState state)
    {
        Stored(TestOrders.In(state));

        var answer = await PostAsync(TestOrders.Number, """{"channel":"page"}""");

        Assert.Equal(409, answer.Status);
        Assert.Equal(Problems.ContentType, answer.MediaType);
    }

    [Fact]
    public async Task An_order_due_within_the_minimum_time_to_pay_is_409()
    {
        Stored(TestOrders.New("T1", Collaborators.Now + TimeSpan.FromSeconds(10)));

        var answer = await PostAsync("T1", """{"channel":"page"}""");

        Assert.Equal(409, answer.Status);
        Assert.Contains("Too late", answer.Json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_store_failure_is_503()
    {
        _c.Store.FindAsync("T1", Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("429"));

        Assert.Equal(503, (await PostAsync("T1", """{"channel":"page"}""")).Status);
    }

    private async Task<HttpAnswer> PostAsync(string outTradeNo, string body)
    {
        var request = HttpTesting.Request("POST", body);
        return await (await _function.RunAsync(request, outTradeNo, CancellationToken.None)).ExecuteAsync(request);
    }
}
