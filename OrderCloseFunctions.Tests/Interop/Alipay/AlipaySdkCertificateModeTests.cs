using System.Security.Cryptography.X509Certificates;
using OrderClose.Payments.Alipay;
using OrderClose.Tests.Payments.Alipay;

namespace OrderClose.Tests.Interop.Alipay;

/// <summary>Certificate mode (公钥证书) against the official SDK's: the serial numbers, Alipay's key, the signed requests, the SDK's client.</summary>
public sealed class AlipaySdkCertificateModeTests
{
    [Fact]
    public async Task The_serial_numbers_and_alipays_key_are_the_ones_the_sdk_takes_from_the_certificates()
    {
        // Issuers with Chinese text, an e-mail address, L, ST and an attribute without a short name; serials small,
        // with the high bit set, and 20 bytes long; root chains with sha1WithRSA, sha256WithRSA and ECDSA entries.
        AlipayCertificateSet[] sets =
        [
            AlipayCertificateSet.Test,
            new(Pem(TestCertificates.ClassCa), Pem(TestCertificates.RootSha1), Pem(TestCertificates.RootEcc) + Pem(TestCertificates.RootSha256)),
            new(Pem(TestCertificates.AlipayPublic), Pem(TestCertificates.App), Pem(TestCertificates.RootSha256) + Pem(TestCertificates.ClassCa) + Pem(TestCertificates.RootSha1)),
            new(Pem(TestCertificates.RootSha256), Pem(TestCertificates.ClassCa), Pem(TestCertificates.RootSha1)),
        ];

        var sdk = await AlipaySdk.CertificateModeValuesAsync(sets);

        Assert.Equal(sdk, sets.Select(Ours));
    }

    [Theory]
    [InlineData("alipay.trade.query")]
    [InlineData("alipay.trade.close")]
    public async Task The_apps_request_in_certificate_mode_is_the_one_the_sdk_builds_byte_for_byte(string method)
    {
        await using var alipay = await AlipayHarness.StartAsync(AlipayServices.CertificateMode());
        alipay.Gateway.AnswerEveryCall("""{"code":"10000","msg":"Success","trade_status":"WAIT_BUYER_PAY"}""");
        Task call = method == "alipay.trade.query"
            ? alipay.Provider.QueryAsync("T-1", CancellationToken.None)
            : alipay.Provider.CloseAsync("T-1", CancellationToken.None);
        await call;
        var sent = Assert.Single(alipay.Gateway.Requests).Fields;

        var sdk = await AlipaySdk.SignAsync(method, sent["timestamp"], "T-1", AlipayCertificateSet.Test);

        Assert.Contains("app_cert_sn", sent.Keys);
        Assert.Contains("alipay_root_cert_sn", sent.Keys);
        Assert.Equal(sdk.OrderBy(p => p.Key, StringComparer.Ordinal), sent.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_sdks_own_client_in_certificate_mode_calls_the_stub_and_verifies_its_answer_with_the_certificates_key()
    {
        await using var gateway = await AlipayGatewayStub.StartAsync();
        gateway.AnswerEveryCall("""{"code":"10000","msg":"Success","out_trade_no":"T-1","trade_status":"TRADE_CLOSED"}""");

        var outcome = await AlipaySdk.ExecAsync(gateway.Url, "alipay.trade.close", "T-1", AlipayCertificateSet.Test);

        Assert.Null(outcome.Error);
        Assert.Equal("TRADE_CLOSED", outcome.Result!.Value.GetProperty("tradeStatus").GetString());
        var request = Assert.Single(gateway.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal(AlipayCertificates.SerialNumberOf(TestCertificates.App), request.Fields["app_cert_sn"]);
    }

    private static string Pem(X509Certificate2 certificate) => TestCertificates.Pem(certificate);

    private static CertificateModeValues Ours(AlipayCertificateSet set)
    {
        using var app = AlipayCertificates.Read(set.App);
        using var alipayPublic = AlipayCertificates.Read(set.AlipayPublic);
        using var alipayKey = AlipayCertificates.RsaPublicKeyOf(set.AlipayPublic);
        return new(
            AlipayCertificates.SerialNumberOf(app),
            AlipayCertificates.SerialNumberOf(alipayPublic),
            AlipayCertificates.RootSerialNumberOf(AlipayCertificates.ReadChain(set.AlipayRoot)),
            Convert.ToBase64String(alipayKey.ExportSubjectPublicKeyInfo()));
    }
}
