using System.Text.Json;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.Payments.Alipay;

public sealed class AlipayRefundTests
{
    private static readonly RefundRequest Request = new("T1", new Money(1999, "CNY"));
    private static readonly DateTimeOffset RefundedAtUtc = new(2024, 5, 1, 16, 31, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_refund_that_moves_the_money_succeeds_with_alipays_trade_number_and_time()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        var ledger = Ledger(alipay);

        var outcome = await alipay.Provider.RefundAsync(Request, CancellationToken.None);

        Assert.Equal(RefundOutcome.Succeeded(AlipayStubRefunds.TradeNo, RefundedAtUtc), outcome);
        var call = Assert.Single(alipay.Gateway.Requests);
        Assert.Equal("alipay.trade.refund", call.Method);
        using var biz = JsonDocument.Parse(call.Fields["biz_content"]);
        Assert.Equal(("T1", "19.99", "T1"), (
            biz.RootElement.GetProperty("out_trade_no").GetString(),
            biz.RootElement.GetProperty("refund_amount").GetString(),
            biz.RootElement.GetProperty("out_request_no").GetString()));
        Assert.Equal(1, ledger.RefundsOf("T1"));
    }

    [Fact]
    public async Task Asking_again_refunds_once_and_the_query_confirms_the_refund_made()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        var ledger = Ledger(alipay);
        await alipay.Provider.RefundAsync(Request, CancellationToken.None);

        var again = await alipay.Provider.RefundAsync(Request, CancellationToken.None);

        Assert.Equal(RefundResult.Succeeded, again.Result);
        Assert.Equal(1, ledger.RefundsOf("T1"));
        Assert.Equal(["alipay.trade.refund", "alipay.trade.refund", "alipay.trade.fastpay.refund.query"], alipay.Gateway.Requests.Select(r => r.Method));
        using var query = JsonDocument.Parse(alipay.Gateway.Requests.Last().Fields["biz_content"]);
        Assert.Equal("T1", query.RootElement.GetProperty("out_request_no").GetString());
    }

    [Fact]
    public async Task A_refund_without_fund_change_that_the_query_does_not_confirm_is_still_processing()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        Ledger(alipay).Slow = true;

        Assert.Equal(RefundOutcome.Processing, await alipay.Provider.RefundAsync(Request, CancellationToken.None));
    }

    [Theory]
    [InlineData("ACQ.SELLER_BALANCE_NOT_ENOUGH")]
    [InlineData("ACQ.TRADE_NOT_ALLOW_REFUND")]
    [InlineData("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL")]
    public async Task A_business_refusal_is_for_good_and_says_why(string subCode)
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.AnswerEveryCall($$"""{"code":"40004","msg":"Business Failed","sub_code":"{{subCode}}","sub_msg":"不行"}""");

        var outcome = await alipay.Provider.RefundAsync(Request, CancellationToken.None);

        Assert.Equal(RefundResult.Refused, outcome.Result);
        Assert.Contains(subCode, outcome.Reason);
    }

    [Fact]
    public async Task The_ledger_refuses_a_trade_that_is_not_paid()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        Ledger(alipay).Unpaid.Add("T1");

        var outcome = await alipay.Provider.RefundAsync(Request, CancellationToken.None);

        Assert.Equal(RefundResult.Refused, outcome.Result);
        Assert.Contains("ACQ.TRADE_NOT_ALLOW_REFUND", outcome.Reason);
    }

    [Theory]
    [InlineData("""{"code":"40004","msg":"Business Failed","sub_code":"ACQ.SYSTEM_ERROR","sub_msg":"系统错误"}""")]
    [InlineData("""{"code":"20000","msg":"Service Currently Unavailable","sub_code":"isp.unknow-error","sub_msg":"系统繁忙"}""")]
    public async Task A_system_error_is_transient(string payload)
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.AnswerEveryCall(payload);

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => alipay.Provider.RefundAsync(Request, CancellationToken.None));
    }

    [Fact]
    public async Task A_failing_query_after_a_refund_is_transient()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.Respond = request => alipay.Gateway.Signed(request.Method, request.Method == "alipay.trade.refund"
            ? """{"code":"10000","msg":"Success","trade_no":"2024","fund_change":"N"}"""
            : """{"code":"40004","msg":"Business Failed","sub_code":"ACQ.SYSTEM_ERROR","sub_msg":"系统错误"}""");

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => alipay.Provider.RefundAsync(Request, CancellationToken.None));
    }

    private static AlipayStubRefunds Ledger(AlipayHarness alipay)
    {
        var ledger = new AlipayStubRefunds(alipay.Gateway);
        alipay.Gateway.Respond = ledger.Answer;
        return ledger;
    }
}
