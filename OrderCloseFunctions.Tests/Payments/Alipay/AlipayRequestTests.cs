using System.Text.Json;
using OrderClose.Orders;

namespace OrderClose.Tests.Payments.Alipay;

public sealed class AlipayRequestTests
{
    [Theory]
    [InlineData("alipay.trade.query")]
    [InlineData("alipay.trade.close")]
    public async Task A_call_carries_alipays_public_parameters_and_the_trade(string method)
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.AnswerEveryCall("""{"code":"10000","msg":"Success","trade_status":"WAIT_BUYER_PAY"}""");

        if (method == "alipay.trade.query")
        {
            await alipay.Provider.QueryAsync("T-2024 订单&1", CancellationToken.None);
        }
        else
        {
            await alipay.Provider.CloseAsync("T-2024 订单&1", CancellationToken.None);
        }

        var request = Assert.Single(alipay.Gateway.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal(method, request.Method);
        Assert.Equal(AlipayServices.AppId, request.Fields["app_id"]);
        Assert.Equal("JSON", request.Fields["format"]);
        Assert.Equal("utf-8", request.Fields["charset"]);
        Assert.Equal("RSA2", request.Fields["sign_type"]);
        Assert.Equal("1.0", request.Fields["version"]);
        Assert.Equal("2024-05-02 00:30:00", request.Fields["timestamp"]); // AlipayServices.Now in China time
        Assert.Equal("T-2024 订单&1", request.OutTradeNo);
        using var bizContent = JsonDocument.Parse(request.Fields["biz_content"]);
        Assert.Equal(["out_trade_no"], bizContent.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_call_signed_with_a_key_alipay_does_not_know_is_refused()
    {
        await using var alipay = await AlipayHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Alipay:AppPrivateKey"] = TestKeys.Stranger.PrivateKeyPem,
        });
        alipay.Gateway.AnswerEveryCall("""{"code":"10000","msg":"Success","trade_status":"WAIT_BUYER_PAY"}""");

        var rejected = await Assert.ThrowsAsync<PaymentProviderRejectedException>(() => alipay.Provider.QueryAsync("T1", CancellationToken.None));

        Assert.Equal("isv.invalid-signature", rejected.Code);
        Assert.False(Assert.Single(alipay.Gateway.Requests).SignatureValid);
    }
}
