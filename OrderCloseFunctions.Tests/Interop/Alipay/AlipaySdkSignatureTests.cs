using OrderClose.Tests.Payments.Alipay;

namespace OrderClose.Tests.Interop.Alipay;

public sealed class AlipaySdkSignatureTests
{
    [Theory]
    [InlineData("alipay.trade.query", "T1")]
    [InlineData("alipay.trade.close", "2024_05-02_order")]
    [InlineData("alipay.trade.query", "A234567890123456789012345678901234567890123456789012345678901234")]
    public async Task The_apps_request_is_the_one_the_sdk_builds_byte_for_byte(string method, string outTradeNo)
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.AnswerEveryCall("""{"code":"10000","msg":"Success","trade_status":"WAIT_BUYER_PAY"}""");
        Task call = method == "alipay.trade.query"
            ? alipay.Provider.QueryAsync(outTradeNo, CancellationToken.None)
            : alipay.Provider.CloseAsync(outTradeNo, CancellationToken.None);
        await call;
        var sent = Assert.Single(alipay.Gateway.Requests).Fields;

        var sdk = await AlipaySdk.SignAsync(method, sent["timestamp"], outTradeNo);

        Assert.Equal(sdk.OrderBy(p => p.Key, StringComparer.Ordinal), sent.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
