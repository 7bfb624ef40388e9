using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Stubs.WeChatPay;

namespace OrderClose.Tests.Payments.WeChatPay;

public sealed class WeChatPayQueryTests
{
    private static string Transaction(string tradeState, string extra = "") =>
        $$"""{"appid":"{{WeChatPayTestAccount.AppId}}","mchid":"{{WeChatPayTestAccount.MchId}}","out_trade_no":"T1","trade_state":"{{tradeState}}"{{extra}}}""";

    [Fact]
    public async Task The_query_is_a_signed_get_of_the_trade_by_its_number_for_this_merchant()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.AnswerEveryCall(Transaction("NOTPAY"));

        await wechat.Provider.QueryAsync("T1", CancellationToken.None);

        var request = Assert.Single(wechat.Gateway.Requests);
        Assert.Equal(("GET", $"/v3/pay/transactions/out-trade-no/T1?mchid={WeChatPayTestAccount.MchId}", true),
            (request.Method, request.Url, request.AuthorizationValid));
    }

    [Theory]
    [InlineData("SUCCESS")]
    [InlineData("REFUND")]
    public async Task A_paid_trade_is_paid_at_its_success_time_in_utc(string tradeState)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        // Spaced out on purpose: the signature covers the answer as sent.
        wechat.AnswerEveryCall(Transaction(tradeState, """, "transaction_id": "4200000000202405020000000001", "success_time": "2024-05-02T00:30:05+08:00", "amount": {"total": 1999, "currency": "CNY"}"""));

        var trade = await wechat.Provider.QueryAsync("T1", CancellationToken.None);

        Assert.Equal(TradeState.Paid, trade.State);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 16, 30, 5, TimeSpan.Zero), trade.PaidAt);
        Assert.Equal(TimeSpan.Zero, trade.PaidAt!.Value.Offset);
    }

    [Theory]
    [InlineData("NOTPAY", TradeState.AwaitingPayment)]
    [InlineData("PAYERROR", TradeState.AwaitingPayment)]
    [InlineData("CLOSED", TradeState.Closed)]
    [InlineData("REVOKED", TradeState.Closed)]
    [InlineData("USERPAYING", TradeState.BuyerPaying)]
    public async Task An_unpaid_trade_reads_as_its_state(string tradeState, TradeState expected)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.AnswerEveryCall(Transaction(tradeState));

        var trade = await wechat.Provider.QueryAsync("T1", CancellationToken.None);

        Assert.Equal(new TradeQuery(expected), trade);
    }

    [Fact]
    public async Task An_unknown_trade_state_is_not_guessed_at()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.AnswerEveryCall(Transaction("ACCEPT"));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => wechat.Provider.QueryAsync("T1", CancellationToken.None));
    }

    [Fact]
    public async Task A_trade_wechat_pay_does_not_know_does_not_exist()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => StubReply.Error(404, "ORDER_NOT_EXIST", "订单不存在");

        var trade = await wechat.Provider.QueryAsync("T1", CancellationToken.None);

        Assert.Equal(new TradeQuery(TradeState.NotExist), trade);
    }

    [Fact]
    public async Task A_404_without_wechat_pay_s_code_is_no_answer_about_the_trade()
    {
        // E.g. a wrong base URL: the trade must not read as missing, or the order would be cancelled without a close.
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => new StubReply(404, "<html>Not Found</html>");

        var rejected = await Assert.ThrowsAsync<PaymentProviderRejectedException>(() => wechat.Provider.QueryAsync("T1", CancellationToken.None));

        Assert.Equal("HTTP 404", rejected.Code);
    }

    [Theory]
    [InlineData(400, "PARAM_ERROR")]
    [InlineData(403, "NO_AUTH")]
    [InlineData(400, "MCH_NOT_EXISTS")]
    public async Task A_refusal_that_retrying_cannot_change_is_a_rejection(int status, string code)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => StubReply.Error(status, code, "拒绝");

        var rejected = await Assert.ThrowsAsync<PaymentProviderRejectedException>(() => wechat.Provider.QueryAsync("T1", CancellationToken.None));

        Assert.Equal(("WECHATPAY", code), (rejected.PayType, rejected.Code));
    }

    [Fact]
    public async Task A_request_wechat_pay_finds_wrongly_signed_is_a_rejection()
    {
        await using var wechat = await WeChatPayHarness.StartAsync(new Dictionary<string, string?>
        {
            ["WeChatPay:MerchantPrivateKey"] = WeChatPayTestAccount.Stranger.PrivateKeyPem,
        });

        var rejected = await Assert.ThrowsAsync<PaymentProviderRejectedException>(() => wechat.Provider.QueryAsync("T1", CancellationToken.None));

        Assert.Equal("SIGN_ERROR", rejected.Code);
        Assert.False(Assert.Single(wechat.Gateway.Requests).AuthorizationValid);
    }

    [Fact]
    public async Task An_answer_changed_after_signing_is_not_believed()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => new StubReply(200, Transaction("SUCCESS")) { SignedText = Transaction("NOTPAY") };

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => wechat.Provider.QueryAsync("T1", CancellationToken.None));
    }

    [Theory]
    [InlineData("unsigned")]
    [InlineData("signed by a stranger")]
    [InlineData("another key id")]
    [InlineData("signed too long ago")]
    [InlineData("signed too far ahead")]
    [InlineData("not json")]
    public async Task An_answer_not_signed_by_wechat_pay_within_the_window_is_not_believed(string kind)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        var paid = new StubReply(200, Transaction("SUCCESS"));
        var beyondWindow = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);
        wechat.Gateway.Respond = _ => kind switch
        {
            "unsigned" => paid with { Unsigned = true },
            "signed by a stranger" => paid with { SigningKey = WeChatPayTestAccount.Stranger },
            "another key id" => paid with { Serial = "PUB_KEY_ID_OF_SOMEBODY_ELSE" },
            "signed too long ago" => paid with { Age = beyondWindow },
            "signed too far ahead" => paid with { Age = -beyondWindow },
            _ => new StubReply(200, "<html>502 Bad Gateway</html>"),
        };

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => wechat.Provider.QueryAsync("T1", CancellationToken.None));
    }

    [Fact]
    public async Task An_answer_signed_at_the_edge_of_the_window_is_believed()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => new StubReply(200, Transaction("NOTPAY")) { Age = TimeSpan.FromMinutes(5) };

        Assert.Equal(TradeState.AwaitingPayment, (await wechat.Provider.QueryAsync("T1", CancellationToken.None)).State);
    }

    [Theory]
    [InlineData("""{"appid":"wxd678efh567hg6787","mchid":"1900000001","out_trade_no":"T2","trade_state":"SUCCESS"}""")]
    [InlineData("""{"appid":"wxd678efh567hg6787","mchid":"1900000999","out_trade_no":"T1","trade_state":"SUCCESS"}""")]
    [InlineData("""{"code":"SYSTEM_ERROR"}""")]
    public async Task A_signed_answer_about_another_trade_or_merchant_is_not_believed(string body)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.AnswerEveryCall(body);

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => wechat.Provider.QueryAsync("T1", CancellationToken.None));
    }
}
