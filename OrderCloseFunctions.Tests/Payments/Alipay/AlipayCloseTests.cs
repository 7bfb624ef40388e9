using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.Payments.Alipay;

public sealed class AlipayCloseTests
{
    private const string StatusError = """{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_STATUS_ERROR","sub_msg":"交易状态不合法"}""";

    [Fact]
    public async Task An_open_trade_is_closed()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.AnswerEveryCall("""{"code":"10000","msg":"Success","out_trade_no":"T1","trade_no":"2024050222001"}""");

        var result = await alipay.Provider.CloseAsync("T1", CancellationToken.None);

        Assert.Equal(TradeCloseResult.Closed, result);
        Assert.Equal("alipay.trade.close", Assert.Single(alipay.Gateway.Requests).Method);
    }

    [Fact]
    public async Task A_trade_alipay_does_not_know_does_not_exist()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.AnswerEveryCall("""{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"}""");

        Assert.Equal(TradeCloseResult.NotExist, await alipay.Provider.CloseAsync("T1", CancellationToken.None));
    }

    [Theory]
    [InlineData("TRADE_SUCCESS", TradeCloseResult.AlreadyPaid)]
    [InlineData("TRADE_CLOSED", TradeCloseResult.Closed)]
    public async Task A_trade_alipay_will_not_close_is_queried_to_decide(string tradeStatus, TradeCloseResult expected)
    {
        await using var alipay = await AlipayHarness.StartAsync();
        var query = $$"""{"code":"10000","msg":"Success","trade_status":"{{tradeStatus}}","send_pay_date":"2024-05-02 00:30:05"}""";
        alipay.Gateway.Respond = request => alipay.Gateway.Signed(request.Method, request.Method == "alipay.trade.close" ? StatusError : query);

        var result = await alipay.Provider.CloseAsync("T1", CancellationToken.None);

        Assert.Equal(expected, result);
        Assert.Equal(["alipay.trade.close", "alipay.trade.query"], alipay.Gateway.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_trade_alipay_will_not_close_yet_still_awaits_payment_is_transient()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.Respond = request => alipay.Gateway.Signed(request.Method, request.Method == "alipay.trade.close"
            ? StatusError
            : """{"code":"10000","msg":"Success","trade_status":"WAIT_BUYER_PAY"}""");

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => alipay.Provider.CloseAsync("T1", CancellationToken.None));
    }

    [Fact]
    public async Task An_alipay_system_error_is_transient()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.AnswerEveryCall("""{"code":"40004","msg":"Business Failed","sub_code":"ACQ.SYSTEM_ERROR","sub_msg":"系统错误"}""");

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => alipay.Provider.CloseAsync("T1", CancellationToken.None));
    }

    [Fact]
    public async Task A_refusal_that_retrying_cannot_change_is_a_rejection()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.AnswerEveryCall("""{"code":"40004","msg":"Business Failed","sub_code":"ACQ.INVALID_PARAMETER","sub_msg":"参数无效"}""");

        var rejected = await Assert.ThrowsAsync<PaymentProviderRejectedException>(() => alipay.Provider.CloseAsync("T1", CancellationToken.None));

        Assert.Equal("ACQ.INVALID_PARAMETER", rejected.Code);
    }
}
