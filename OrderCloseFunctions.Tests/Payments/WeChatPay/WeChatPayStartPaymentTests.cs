using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.Payments.WeChatPay;

public sealed class WeChatPayStartPaymentTests
{
    private const string CodeUrl = "weixin://wxpay/bizpayurl?pr=p4lpSuKzz";
    private const string H5Url = "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx20161110163838f231619da20804912345&package=1037687096";

    private static readonly System.Net.IPAddress PayerIp = System.Net.IPAddress.Parse("203.0.113.7");

    private static readonly Order Order = Order.Place(
        new PlaceOrderCommand("T1", new Money(1999, "CNY"), "WECHATPAY", "Green tea", TimeSpan.FromMinutes(30)),
        WeChatPayServices.Now, TimeSpan.FromMinutes(30));

    [Fact]
    public void It_offers_native_and_h5_and_h5_needs_the_buyer_s_IP_address()
    {
        using var services = WeChatPayServices.Build();
        var provider = services.GetRequiredService<IPaymentProvider>();

        Assert.Equal(["native", "h5"], provider.Channels);
        Assert.Equal(["h5"], provider.ChannelsNeedingPayerIp);
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
        Assert.False(body.TryGetProperty("scene_info", out _));
    }

    [Theory]
    [InlineData(null, H5Url)]
    [InlineData("https://shop.test/orders/T1?from=h5", H5Url + "&redirect_url=https%3A%2F%2Fshop.test%2Forders%2FT1%3Ffrom%3Dh5")]
    public async Task An_h5_payment_carries_the_buyer_s_IP_address_and_answers_the_h5_url_to_open_with_the_return_url_appended(string? returnUrl, string expected)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => new StubReply(200, $$"""{"h5_url":"{{H5Url}}"}""");
        var back = returnUrl is null ? null : new Uri(returnUrl);

        var start = await wechat.Provider.StartPaymentAsync(new PaymentStartRequest(Order, "h5", back, Order.PayDeadline, PayerIp), CancellationToken.None);

        Assert.Equal(new PaymentStart(new Uri(expected), PaymentUrlKind.Redirect), start);
        var request = Assert.Single(wechat.Gateway.Requests);
        Assert.Equal(("POST", "/v3/pay/transactions/h5", true), (request.Method, request.Url, request.AuthorizationValid));
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("T1", body.GetProperty("out_trade_no").GetString());
        Assert.Equal("2024-05-02T01:00:00+08:00", body.GetProperty("time_expire").GetString());
        Assert.Equal(1999, body.GetProperty("amount").GetProperty("total").GetInt64());
        var scene = body.GetProperty("scene_info");
        Assert.Equal("203.0.113.7", scene.GetProperty("payer_client_ip").GetString());
        Assert.Equal("Wap", scene.GetProperty("h5_info").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("jsapi")]
    [InlineData("h5")]
    public async Task A_channel_not_offered_here_or_h5_without_the_buyer_s_IP_address_is_refused_before_any_call(string channel)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            wechat.Provider.StartPaymentAsync(new PaymentStartRequest(Order, channel, null, Order.PayDeadline), CancellationToken.None));
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
    [InlineData("native", """{"prepay_id":"wx201410272009395522657a690389285100"}""")]
    [InlineData("native", """{"code_url":"not a url"}""")]
    [InlineData("native", """{"h5_url":"https://wx.tenpay.com/checkmweb"}""")]
    [InlineData("h5", """{"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"}""")]
    public async Task A_signed_answer_without_the_channel_s_url_is_transient(string channel, string body)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => new StubReply(200, body);

        await Assert.ThrowsAsync<DependencyUnavailableException>(() =>
            wechat.Provider.StartPaymentAsync(new PaymentStartRequest(Order, channel, null, Order.PayDeadline, PayerIp), CancellationToken.None));
    }
}
