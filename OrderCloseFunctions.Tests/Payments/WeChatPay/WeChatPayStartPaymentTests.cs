using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Stubs.WeChatPay;

namespace OrderClose.Tests.Payments.WeChatPay;

public sealed class WeChatPayStartPaymentTests
{
    private const string CodeUrl = "weixin://wxpay/bizpayurl?pr=p4lpSuKzz";

    private static readonly Order Order = Order.Place(
        new PlaceOrderCommand("T1", new Money(1999, "CNY"), "WECHATPAY", "Green tea", TimeSpan.FromMinutes(30)),
        WeChatPayServices.Now, TimeSpan.FromMinutes(30));

    [Fact]
    public void It_offers_the_native_channel()
    {
        using var services = WeChatPayServices.Build();

        Assert.Equal(["native"], services.GetRequiredService<IPaymentProvider>().Channels);
    }

    [Fact]
    public async Task A_native_payment_is_a_signed_order_that_expires_at_the_deadline_and_answers_a_code_to_scan()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => new StubReply(200, $$"""{"code_url":"{{CodeUrl}}"}""");

        var start = await wechat.Provider.StartPaymentAsync(new PaymentStartRequest(Order, "native", null, Order.PayDeadline), CancellationToken.None);

        Assert.Equal(new PaymentStart(new Uri(CodeUrl), PaymentUrlKind.Code), start);
        var request = Assert.Single(wechat.Gateway.Requests);
        Assert.Equal(("POST", "/v3/pay/transactions/native", true), (request.Method, request.Url, request.AuthorizationValid));
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(WeChatPayTestAccount.AppId, body.GetProperty("appid").GetString());
        Assert.Equal(WeChatPayTestAccount.MchId, body.GetProperty("mchid").GetString());
        Assert.Equal("T1", body.GetProperty("out_trade_no").GetString());
        Assert.Equal("Green tea", body.GetProperty("description").GetString());
        Assert.Equal("2024-05-02T01:00:00+08:00", body.GetProperty("time_expire").GetString());
        Assert.Equal("https://orderclose.example.com/api/payments/wechatpay/notify", body.GetProperty("notify_url").GetString());
        Assert.Equal(1999, body.GetProperty("amount").GetProperty("total").GetInt64());
        Assert.Equal("CNY", body.GetProperty("amount").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task A_channel_wechat_pay_is_not_offered_here_is_refused()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            wechat.Provider.StartPaymentAsync(new PaymentStartRequest(Order, "h5", null, Order.PayDeadline), CancellationToken.None));
        Assert.Empty(wechat.Gateway.Requests);
    }

    [Fact]
    public async Task A_refusal_is_a_rejection()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => StubReply.Error(400, "PARAM_ERROR", "time_expire 格式错误");

        var rejected = await Assert.ThrowsAsync<PaymentProviderRejectedException>(() =>
            wechat.Provider.StartPaymentAsync(new PaymentStartRequest(Order, "native", null, Order.PayDeadline), CancellationToken.None));

        Assert.Equal("PARAM_ERROR", rejected.Code);
    }

    [Theory]
    [InlineData("""{"prepay_id":"wx201410272009395522657a690389285100"}""")]
    [InlineData("""{"code_url":"not a url"}""")]
    public async Task A_signed_answer_without_a_code_url_is_transient(string body)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => new StubReply(200, body);

        await Assert.ThrowsAsync<DependencyUnavailableException>(() =>
            wechat.Provider.StartPaymentAsync(new PaymentStartRequest(Order, "native", null, Order.PayDeadline), CancellationToken.None));
    }
}
