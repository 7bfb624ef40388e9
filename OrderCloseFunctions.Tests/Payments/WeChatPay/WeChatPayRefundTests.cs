using System.Text.Json;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Payments.Alipay;
using OrderClose.Stubs.WeChatPay;

namespace OrderClose.Tests.Payments.WeChatPay;

public sealed class WeChatPayRefundTests
{
    private static readonly RefundRequest Request = new("T1", new Money(1999, "CNY"));

    [Fact]
    public async Task A_paid_trade_is_refunded_by_a_signed_post_with_the_order_number_as_refund_number()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        var trades = PaidTrade(wechat);

        var outcome = await wechat.Provider.RefundAsync(Request, CancellationToken.None);

        Assert.Equal(RefundResult.Succeeded, outcome.Result);
        Assert.Equal("503001", outcome.ProviderRefundNo);
        Assert.Equal(WeChatPayServices.Now, outcome.CompletedAt);
        var request = Assert.Single(wechat.Gateway.Requests);
        Assert.Equal(("POST", "/v3/refund/domestic/refunds", true), (request.Method, request.Url, request.AuthorizationValid));
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(("T1", "T1"), (root.GetProperty("out_trade_no").GetString(), root.GetProperty("out_refund_no").GetString()));
        var amount = root.GetProperty("amount");
        Assert.Equal((1999L, 1999L, "CNY"), (amount.GetProperty("refund").GetInt64(), amount.GetProperty("total").GetInt64(), amount.GetProperty("currency").GetString()));
        Assert.Equal(1, trades.RefundsOf("T1"));
    }

    [Fact]
    public async Task Asking_again_answers_the_refund_made_and_refunds_once()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        var trades = PaidTrade(wechat);
        var first = await wechat.Provider.RefundAsync(Request, CancellationToken.None);

        var again = await wechat.Provider.RefundAsync(Request, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(1, trades.RefundsOf("T1"));
    }

    [Fact]
    public async Task A_refund_still_processing_is_looked_at_again_and_then_succeeds()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        var trades = PaidTrade(wechat);
        trades.ProcessingAnswers = 1;

        Assert.Equal(RefundOutcome.Processing, await wechat.Provider.RefundAsync(Request, CancellationToken.None));
        Assert.Equal(RefundResult.Succeeded, (await wechat.Provider.RefundAsync(Request, CancellationToken.None)).Result);
        Assert.Equal(1, trades.RefundsOf("T1"));
    }

    [Fact]
    public async Task A_short_balance_is_refused_for_good_and_says_why()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        PaidTrade(wechat).BalanceShort = true;

        var outcome = await wechat.Provider.RefundAsync(Request, CancellationToken.None);

        Assert.Equal(RefundResult.Refused, outcome.Result);
        Assert.Contains("NOT_ENOUGH", outcome.Reason);
    }

    [Theory]
    [InlineData("ABNORMAL")]
    [InlineData("CLOSED")]
    public async Task A_refund_that_ends_abnormal_or_closed_is_refused_for_good(string status)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.AnswerEveryCall($$"""{"refund_id":"1","out_refund_no":"T1","out_trade_no":"T1","status":"{{status}}"}""");

        var outcome = await wechat.Provider.RefundAsync(Request, CancellationToken.None);

        Assert.Equal(RefundResult.Refused, outcome.Result);
        Assert.Contains(status, outcome.Reason);
    }

    [Theory]
    [InlineData(500, "SYSTEM_ERROR")]
    [InlineData(429, "FREQUENCY_LIMITED")]
    public async Task A_system_error_is_transient(int status, string code)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => StubReply.Error(status, code);

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => wechat.Provider.RefundAsync(Request, CancellationToken.None));
    }

    [Fact]
    public async Task An_answer_about_another_refund_is_not_believed()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.AnswerEveryCall("""{"refund_id":"1","out_refund_no":"T2","out_trade_no":"T2","status":"SUCCESS"}""");

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => wechat.Provider.RefundAsync(Request, CancellationToken.None));
    }

    private static WeChatPayStubTrades PaidTrade(WeChatPayHarness wechat)
    {
        var trades = new WeChatPayStubTrades(WeChatPayTestAccount.Account, new FixedClock(WeChatPayServices.Now));
        trades.Open("T1", 1999);
        Assert.True(trades.TryPay("T1", out _));
        wechat.Gateway.Respond = trades.Respond;
        return trades;
    }
}
