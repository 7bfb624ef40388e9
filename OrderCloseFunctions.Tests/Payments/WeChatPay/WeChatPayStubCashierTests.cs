using Microsoft.Extensions.Time.Testing;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Stubs.WeChatPay;

namespace OrderClose.Tests.Payments.WeChatPay;

/// <summary>
/// The WeChat Pay stub as chaos uses it: the real provider places Native orders at it, the buyer pays at its cashier,
/// and its callback goes to the order's <c>notify_url</c> in a form the real provider reads.
/// </summary>
public sealed class WeChatPayStubCashierTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = WeChatPayServices.Now;
    private static readonly DateTimeOffset Deadline = Now.AddMinutes(30);

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly HttpClient _http = new();
    private CallbackCatcher _app = null!;
    private WeChatPayHarness _wechat = null!;
    private WeChatPayStubTrades _trades = null!;
    private WeChatPayStubCashier _cashier = null!;

    public async Task InitializeAsync()
    {
        _app = await CallbackCatcher.StartAsync();
        _wechat = await WeChatPayHarness.StartAsync(new Dictionary<string, string?> { ["Payments:PublicBaseUrl"] = _app.BaseUrl.ToString() });
        _trades = new WeChatPayStubTrades(WeChatPayTestAccount.Account, _clock);
        _wechat.Gateway.Respond = _trades.Respond;
        _cashier = new WeChatPayStubCashier(_trades, _http, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _wechat.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_payment_started_by_the_app_is_paid_at_the_stub_and_its_callback_reaches_notify_url_readable_by_the_app()
    {
        await StartAsync("T1");

        Assert.True(await _cashier.PayAsync("T1", loseCallback: false, CancellationToken.None));

        var (path, callback) = Assert.Single(_app.Callbacks);
        Assert.Equal("/api/payments/wechatpay/notify", path);
        var notification = _wechat.Provider.Verify(callback);
        Assert.Equal(("T1", true, 1999L), (notification?.OutTradeNo, notification?.Paid, notification?.AmountMinorUnits));
        Assert.Equal((1L, 1L, 0L), (_cashier.CallbacksSent, _cashier.CallbacksAccepted, _cashier.CallbacksWithheld));
        Assert.Equal(1, _trades.NativeOrders);
    }

    [Fact]
    public async Task An_h5_payment_started_by_the_app_is_paid_at_the_stub_and_its_callback_reaches_the_app()
    {
        var order = Order.Place(new PlaceOrderCommand("H1", new Money(1999, "CNY"), "WECHATPAY", "Green tea", TimeSpan.FromMinutes(30)), Now, TimeSpan.FromMinutes(30));

        var start = await _wechat.Provider.StartPaymentAsync(
            new PaymentStartRequest(order, "h5", new Uri("https://shop.test/orders/H1"), Deadline, System.Net.IPAddress.Parse("203.0.113.7")), CancellationToken.None);

        Assert.Equal(PaymentUrlKind.Redirect, start.Kind);
        Assert.StartsWith("https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=H1", start.Url.AbsoluteUri);
        Assert.EndsWith("&redirect_url=https%3A%2F%2Fshop.test%2Forders%2FH1", start.Url.AbsoluteUri);
        Assert.True(await _cashier.PayAsync("H1", loseCallback: false, CancellationToken.None));
        var (_, callback) = Assert.Single(_app.Callbacks);
        Assert.Equal(("H1", true), (_wechat.Provider.Verify(callback)?.OutTradeNo, _wechat.Provider.Verify(callback)?.Paid));
        Assert.Equal((1L, 0L), (_trades.H5Orders, _trades.NativeOrders));
    }

    [Fact]
    public async Task The_stub_refuses_an_h5_order_without_the_buyer_s_address_as_WeChat_Pay_does()
    {
        var reply = _trades.Respond(new StubRequest("POST", "/v3/pay/transactions/h5",
            $$$"""{"appid":"{{{WeChatPayTestAccount.AppId}}}","mchid":"{{{WeChatPayTestAccount.MchId}}}","out_trade_no":"H2","time_expire":"2024-05-02T01:00:00+08:00","notify_url":"https://shop.test/n","amount":{"total":1,"currency":"CNY"}}""",
            Authorization: null, AuthorizationValid: true));

        Assert.Equal(400, reply.Status);
        Assert.Contains("PARAM_ERROR", reply.Body);
    }

    [Fact]
    public async Task A_lost_callback_is_never_sent_but_the_query_finds_the_payment()
    {
        await StartAsync("T1");

        Assert.True(await _cashier.PayAsync("T1", loseCallback: true, CancellationToken.None));

        Assert.Empty(_app.Callbacks);
        Assert.Equal(1, _cashier.CallbacksWithheld);
        Assert.Equal(TradeState.Paid, (await _wechat.Provider.QueryAsync("T1", CancellationToken.None)).State);
        Assert.Equal(1, _trades.Queries);
    }

    [Fact]
    public async Task The_stub_refuses_a_payment_at_its_time_expire_and_of_a_closed_trade()
    {
        await StartAsync("T1");
        await StartAsync("T2");
        Assert.Equal(TradeCloseResult.Closed, await _wechat.Provider.CloseAsync("T2", CancellationToken.None));
        _clock.SetUtcNow(Deadline);

        Assert.False(await _cashier.PayAsync("T1", loseCallback: false, CancellationToken.None));
        Assert.False(await _cashier.PayAsync("T2", loseCallback: false, CancellationToken.None));
        Assert.Equal(("NOTPAY", "CLOSED"), (_trades.StateOf("T1"), _trades.StateOf("T2")));
        Assert.Empty(_app.Callbacks);
    }

    [Fact]
    public async Task A_late_payment_of_a_closed_trade_is_taken_and_its_callback_sent_again_until_the_app_accepts_it()
    {
        await StartAsync("T1");
        await _wechat.Provider.CloseAsync("T1", CancellationToken.None);
        _app.Answer = n => n < 3 ? 500 : 204;

        Assert.True(await _cashier.PayLateAsync("T1", CancellationToken.None));

        Assert.Equal("SUCCESS", _trades.StateOf("T1"));
        Assert.Equal(3, _app.Callbacks.Count);
        Assert.Equal((3L, 1L), (_cashier.CallbacksSent, _cashier.CallbacksAccepted));
    }

    [Fact]
    public async Task Placing_the_native_order_again_answers_the_same_code_and_a_closed_trade_is_refused()
    {
        var first = await StartAsync("T1");
        var again = await StartAsync("T1");
        await _wechat.Provider.CloseAsync("T1", CancellationToken.None);

        Assert.Equal(first, again);
        var refused = await Assert.ThrowsAsync<PaymentProviderRejectedException>(() => StartAsync("T1"));
        Assert.Equal("ORDER_CLOSED", refused.Code);
    }

    private async Task<PaymentStart> StartAsync(string outTradeNo)
    {
        var order = Order.Place(new PlaceOrderCommand(outTradeNo, new Money(1999, "CNY"), "WECHATPAY", "Green tea", TimeSpan.FromMinutes(30)), Now, TimeSpan.FromMinutes(30));
        return await _wechat.Provider.StartPaymentAsync(new PaymentStartRequest(order, "native", null, Deadline), CancellationToken.None);
    }
}
