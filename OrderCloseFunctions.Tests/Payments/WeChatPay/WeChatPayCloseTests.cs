using System.Text.Json;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Stubs.WeChatPay;

namespace OrderClose.Tests.Payments.WeChatPay;

public sealed class WeChatPayCloseTests
{
    private const string ClosePath = "/v3/pay/transactions/out-trade-no/T1/close";

    [Fact]
    public async Task An_open_trade_is_closed_by_a_signed_post_answered_204()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => new StubReply(204);

        var result = await wechat.Provider.CloseAsync("T1", CancellationToken.None);

        Assert.Equal(TradeCloseResult.Closed, result);
        var request = Assert.Single(wechat.Gateway.Requests);
        Assert.Equal(("POST", ClosePath, true), (request.Method, request.Url, request.AuthorizationValid));
        Assert.Equal(WeChatPayTestAccount.MchId, JsonDocument.Parse(request.Body).RootElement.GetProperty("mchid").GetString());
    }

    [Theory]
    [InlineData(404, "ORDER_NOT_EXIST", TradeCloseResult.NotExist)]
    [InlineData(400, "ORDER_CLOSED", TradeCloseResult.Closed)]
    public async Task A_trade_that_is_missing_or_closed_already_reads_as_such(int status, string code, TradeCloseResult expected)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => StubReply.Error(status, code);

        Assert.Equal(expected, await wechat.Provider.CloseAsync("T1", CancellationToken.None));
    }

    [Theory]
    [InlineData("SUCCESS", TradeCloseResult.AlreadyPaid)]
    [InlineData("CLOSED", TradeCloseResult.Closed)]
    public async Task A_trade_said_to_be_paid_is_queried_to_decide(string tradeState, TradeCloseResult expected)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = request => request.Method == "POST"
            ? StubReply.Error(400, "ORDERPAID", "订单已支付")
            : new StubReply(200, $$"""{"mchid":"{{WeChatPayTestAccount.MchId}}","out_trade_no":"T1","trade_state":"{{tradeState}}","success_time":"2024-05-02T00:30:05+08:00"}""");

        var result = await wechat.Provider.CloseAsync("T1", CancellationToken.None);

        Assert.Equal(expected, result);
        Assert.Equal(["POST", "GET"], wechat.Gateway.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_trade_said_to_be_paid_that_a_signed_query_shows_unpaid_is_transient()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = request => request.Method == "POST"
            ? StubReply.Error(400, "ORDERPAID")
            : new StubReply(200, $$"""{"mchid":"{{WeChatPayTestAccount.MchId}}","out_trade_no":"T1","trade_state":"NOTPAY"}""");

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => wechat.Provider.CloseAsync("T1", CancellationToken.None));
    }

    [Fact]
    public async Task A_204_not_signed_by_wechat_pay_is_not_believed()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => new StubReply(204) { SigningKey = WeChatPayTestAccount.Stranger };

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => wechat.Provider.CloseAsync("T1", CancellationToken.None));
    }

    [Fact]
    public async Task A_refusal_that_retrying_cannot_change_is_a_rejection()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => StubReply.Error(400, "PARAM_ERROR", "参数错误");

        var rejected = await Assert.ThrowsAsync<PaymentProviderRejectedException>(() => wechat.Provider.CloseAsync("T1", CancellationToken.None));

        Assert.Equal("PARAM_ERROR", rejected.Code);
    }
}
