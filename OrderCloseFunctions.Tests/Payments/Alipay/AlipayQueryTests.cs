using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.Payments.Alipay;

public sealed class AlipayQueryTests
{
    [Theory]
    [InlineData("TRADE_SUCCESS")]
    [InlineData("TRADE_FINISHED")]
    public async Task A_paid_trade_is_paid_at_its_send_pay_date_in_utc(string tradeStatus)
    {
        await using var alipay = await AlipayHarness.StartAsync();
        // Spaced out on purpose: the signature covers the response text exactly as sent.
        alipay.Gateway.AnswerEveryCall($$"""
            { "code": "10000", "msg": "Success", "out_trade_no": "T1", "trade_no": "2024050222001", "trade_status": "{{tradeStatus}}", "send_pay_date": "2024-05-02 00:30:05" }
            """);

        var trade = await alipay.Provider.QueryAsync("T1", CancellationToken.None);

        Assert.Equal(TradeState.Paid, trade.State);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 16, 30, 5, TimeSpan.Zero), trade.PaidAt);
        Assert.Equal(TimeSpan.Zero, trade.PaidAt!.Value.Offset);
    }

    [Theory]
    [InlineData("WAIT_BUYER_PAY", TradeState.AwaitingPayment)]
    [InlineData("TRADE_CLOSED", TradeState.Closed)]
    public async Task An_unpaid_trade_reads_as_its_state(string tradeStatus, TradeState expected)
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.AnswerEveryCall($$"""{"code":"10000","msg":"Success","out_trade_no":"T1","trade_status":"{{tradeStatus}}"}""");

        var trade = await alipay.Provider.QueryAsync("T1", CancellationToken.None);

        Assert.Equal(new TradeQuery(expected), trade);
    }

    [Fact]
    public async Task An_unknown_trade_status_is_not_guessed_at()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.AnswerEveryCall("""{"code":"10000","msg":"Success","out_trade_no":"T1","trade_status":"TRADE_PENDING"}""");

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => alipay.Provider.QueryAsync("T1", CancellationToken.None));
    }

    [Fact]
    public async Task A_trade_alipay_does_not_know_does_not_exist()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.AnswerEveryCall("""{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"}""");

        var trade = await alipay.Provider.QueryAsync("T1", CancellationToken.None);

        Assert.Equal(new TradeQuery(TradeState.NotExist), trade);
    }

    [Theory]
    [InlineData("""{"code":"40004","msg":"Business Failed","sub_code":"ACQ.INVALID_PARAMETER","sub_msg":"参数无效"}""", "ACQ.INVALID_PARAMETER")]
    [InlineData("""{"code":"40006","msg":"Insufficient Permissions","sub_code":"isv.insufficient-isv-permissions","sub_msg":"ISV权限不足"}""", "isv.insufficient-isv-permissions")]
    [InlineData("""{"code":"40002","msg":"Invalid Arguments"}""", "40002")]
    public async Task A_refusal_that_retrying_cannot_change_is_a_rejection(string payload, string expectedCode)
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.AnswerEveryCall(payload);

        var rejected = await Assert.ThrowsAsync<PaymentProviderRejectedException>(() => alipay.Provider.QueryAsync("T1", CancellationToken.None));

        Assert.Equal("ALIPAY", rejected.PayType);
        Assert.Equal(expectedCode, rejected.Code);
    }

    [Theory]
    [InlineData("""{"code":"40004","msg":"Business Failed","sub_code":"ACQ.SYSTEM_ERROR","sub_msg":"系统错误"}""")]
    [InlineData("""{"code":"20000","msg":"Service Currently Unavailable","sub_code":"isp.unknow-error","sub_msg":"系统繁忙"}""")]
    public async Task An_alipay_system_error_is_transient(string payload)
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.AnswerEveryCall(payload);

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => alipay.Provider.QueryAsync("T1", CancellationToken.None));
    }

    [Fact]
    public async Task A_response_tampered_with_after_signing_is_not_believed()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.Respond = request =>
        {
            var signed = alipay.Gateway.Signed(request.Method, """{"code":"10000","msg":"Success","trade_status":"WAIT_BUYER_PAY"}""");
            return signed with { Body = signed.Body.Replace("WAIT_BUYER_PAY", "TRADE_SUCCESS") };
        };

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => alipay.Provider.QueryAsync("T1", CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"alipay_trade_query_response":{"code":"10000","msg":"Success","trade_status":"TRADE_SUCCESS"}}""")]
    [InlineData("""{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id"}}""")]
    [InlineData("<html>502 Bad Gateway</html>")]
    public async Task An_unsigned_or_unreadable_response_is_not_believed(string body)
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.Respond = _ => new GatewayReply(200, body);

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => alipay.Provider.QueryAsync("T1", CancellationToken.None));
    }
}
