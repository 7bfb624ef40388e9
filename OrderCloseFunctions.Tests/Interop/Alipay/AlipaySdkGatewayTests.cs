using System.Text.Json;
using OrderClose.Tests.Payments.Alipay;

namespace OrderClose.Tests.Interop.Alipay;

/// <summary>The official SDK and the tests' gateway stub agree: the SDK's calls are valid there, and the stub's answers are valid to the SDK.</summary>
public sealed class AlipaySdkGatewayTests
{
    [Fact]
    public async Task The_sdk_verifies_the_stubs_responses_and_refuses_tampered_ones()
    {
        await using var gateway = await AlipayGatewayStub.StartAsync();
        string[] payloads =
        [
            """{"code":"10000","msg":"Success","out_trade_no":"T1","trade_no":"2024050222001","trade_status":"TRADE_SUCCESS","send_pay_date":"2024-05-02 00:30:05"}""",
            """{"code":"10000","msg":"Success","buyer_logon_id":"159****5620","subject":"测试商品 a+b=c","url":"https:\/\/example.com\/x"}""",
            """{"code":"10000","msg":"Success","subject":"\u6d4b\u8bd5 \ud83d\ude00 😀 \"quoted\" \\ back"}""",
            """{ "code": "10000", "msg": "Success", "trade_status": "WAIT_BUYER_PAY" }""",
            """{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"}""",
        ];
        var responses = payloads.SelectMany(payload => new[] { "alipay.trade.query", "alipay.trade.close" }
            .Select(method => (Method: method, gateway.Signed(method, payload).Body))).ToList();
        var tampered = gateway.Signed("alipay.trade.query", payloads[0]).Body.Replace("TRADE_SUCCESS", "TRADE_CLOSED");

        var verdicts = await AlipaySdk.CheckResponseSignAsync([.. responses, ("alipay.trade.query", tampered)]);

        Assert.Equal([.. responses.Select(_ => AlipaySdk.Accepted), "refused"], verdicts.Select(v => v.StartsWith("threw") ? "refused" : v));
    }

    [Theory]
    [InlineData("alipay.trade.query")]
    [InlineData("alipay.trade.close")]
    public async Task The_sdks_own_client_calls_the_stub_and_reads_its_signed_answer(string method)
    {
        await using var gateway = await AlipayGatewayStub.StartAsync();
        gateway.AnswerEveryCall("""{"code":"10000","msg":"Success","out_trade_no":"T-1","trade_status":"WAIT_BUYER_PAY"}""");

        var outcome = await AlipaySdk.ExecAsync(gateway.Url, method, "T-1");

        Assert.Null(outcome.Error);
        var request = Assert.Single(gateway.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal((method, "T-1", AlipayServices.AppId), (request.Method, request.OutTradeNo, request.Fields["app_id"]));
        Assert.Equal("10000", outcome.Result!.Value.GetProperty("code").GetString());
        Assert.Equal("WAIT_BUYER_PAY", outcome.Result.Value.GetProperty("tradeStatus").GetString());
    }

    [Fact]
    public async Task The_sdks_own_client_refuses_an_answer_the_stub_did_not_sign()
    {
        await using var gateway = await AlipayGatewayStub.StartAsync();
        gateway.Respond = request => new GatewayReply(200,
            gateway.Signed(request.Method, """{"code":"10000","msg":"Success","trade_status":"WAIT_BUYER_PAY"}""").Body.Replace("WAIT_BUYER_PAY", "TRADE_SUCCESS"));

        var outcome = await AlipaySdk.ExecAsync(gateway.Url, "alipay.trade.query", "T-1");

        Assert.True(Assert.Single(gateway.Requests).SignatureValid);
        Assert.Null(outcome.Result);
        Assert.Contains("验签失败", outcome.Error);
    }

    [Fact]
    public async Task The_sdks_refund_is_made_once_per_request_number_by_the_stubs_ledger_and_read_back_by_the_sdk()
    {
        await using var gateway = await AlipayGatewayStub.StartAsync();
        var ledger = new AlipayStubRefunds(gateway);
        gateway.Respond = ledger.Answer;
        var refund = new Dictionary<string, string> { ["out_trade_no"] = "T-1", ["refund_amount"] = "19.99", ["out_request_no"] = "T-1" };

        var first = await AlipaySdk.ExecAsync(gateway.Url, "alipay.trade.refund", refund);
        var again = await AlipaySdk.ExecAsync(gateway.Url, "alipay.trade.refund", refund);
        var query = await AlipaySdk.ExecAsync(gateway.Url, "alipay.trade.fastpay.refund.query",
            new Dictionary<string, string> { ["out_trade_no"] = "T-1", ["out_request_no"] = "T-1" });

        Assert.All(gateway.Requests, request => Assert.True(request.SignatureValid));
        Assert.Equal(("Y", "N"), (first.Result!.Value.GetProperty("fundChange").GetString(), again.Result!.Value.GetProperty("fundChange").GetString()));
        Assert.Equal("REFUND_SUCCESS", query.Result!.Value.GetProperty("refundStatus").GetString());
        Assert.Equal(1, ledger.RefundsOf("T-1"));
        Assert.Equal("19.99", ledger.AmountOf("T-1"));
    }
}
