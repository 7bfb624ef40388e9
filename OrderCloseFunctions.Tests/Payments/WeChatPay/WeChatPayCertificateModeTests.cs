using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Stubs.WeChatPay;

namespace OrderClose.Tests.Payments.WeChatPay;

/// <summary>Platform certificate mode: WeChat Pay signs with the platform certificate's key and names the certificate's serial.</summary>
public sealed class WeChatPayCertificateModeTests
{
    private static readonly Dictionary<string, string?> CertificateOnly = new()
    {
        ["WeChatPay:PlatformPublicKeyId"] = null,
        ["WeChatPay:PlatformPublicKey"] = null,
        ["WeChatPay:PlatformCertificate"] = PlatformCertificate.Pem,
    };

    private static readonly StubReply Unpaid = new(200, $$"""{"mchid":"{{WeChatPayTestAccount.MchId}}","out_trade_no":"T1","trade_state":"NOTPAY"}""");

    [Theory]
    [InlineData("3775B6A45ACD588826D15E583A95F5DD2C2E1234")]
    [InlineData("3775b6a45acd588826d15e583a95f5dd2c2e1234")]
    public async Task An_answer_naming_the_certificate_s_serial_verifies_with_its_key(string serial)
    {
        await using var wechat = await WeChatPayHarness.StartAsync(CertificateOnly);
        wechat.Gateway.Respond = _ => Unpaid with { Serial = serial };

        Assert.Equal(TradeState.AwaitingPayment, (await wechat.Provider.QueryAsync("T1", CancellationToken.None)).State);
    }

    [Fact]
    public async Task An_answer_naming_the_public_key_id_is_not_believed_when_only_the_certificate_is_configured()
    {
        await using var wechat = await WeChatPayHarness.StartAsync(CertificateOnly);
        wechat.Gateway.Respond = _ => Unpaid;

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => wechat.Provider.QueryAsync("T1", CancellationToken.None));
    }

    [Fact]
    public async Task With_both_configured_either_serial_verifies()
    {
        await using var wechat = await WeChatPayHarness.StartAsync(new Dictionary<string, string?> { ["WeChatPay:PlatformCertificate"] = PlatformCertificate.Pem });
        wechat.Gateway.Respond = _ => wechat.Gateway.Requests.Count == 1 ? Unpaid : Unpaid with { Serial = PlatformCertificate.Serial };

        Assert.Equal(TradeState.AwaitingPayment, (await wechat.Provider.QueryAsync("T1", CancellationToken.None)).State);
        Assert.Equal(TradeState.AwaitingPayment, (await wechat.Provider.QueryAsync("T1", CancellationToken.None)).State);
    }
}
