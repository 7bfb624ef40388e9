using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Payments.Alipay;
using OrderClose.Stubs;

namespace OrderClose.Tests.Payments.Alipay;

public sealed class AlipayCertificateModeTests
{
    [Fact]
    public async Task Each_call_carries_the_certificates_serial_numbers_and_trusts_answers_signed_with_the_certified_key()
    {
        await using var alipay = await AlipayHarness.StartAsync(AlipayServices.CertificateMode());
        alipay.Gateway.AnswerEveryCall("""{"code":"10000","msg":"Success","trade_status":"TRADE_CLOSED"}""");

        var trade = await alipay.Provider.QueryAsync("T1", CancellationToken.None);

        Assert.Equal(TradeState.Closed, trade.State);
        var request = Assert.Single(alipay.Gateway.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal(AlipayCertificates.SerialNumberOf(TestCertificates.App), request.Fields["app_cert_sn"]);
        Assert.Equal(AlipayCertificates.RootSerialNumberOf([TestCertificates.RootSha1, TestCertificates.RootSha256]), request.Fields["alipay_root_cert_sn"]);
    }

    [Fact]
    public async Task An_answer_not_signed_with_the_certified_key_is_not_trusted()
    {
        await using var alipay = await AlipayHarness.StartAsync(new Dictionary<string, string?>(AlipayServices.CertificateMode())
        {
            // Certified for the stranger's key: the stub's (Alipay's) signatures no longer verify.
            ["Alipay:AlipayPublicCertificate"] = TestCertificates.Pem(TestCertificates.Stranger),
        });
        alipay.Gateway.AnswerEveryCall("""{"code":"10000","msg":"Success","trade_status":"TRADE_CLOSED"}""");

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => alipay.Provider.QueryAsync("T1", CancellationToken.None));
    }

    [Fact]
    public void A_callback_is_verified_with_the_certified_key()
    {
        using var services = AlipayServices.Build(AlipayServices.CertificateMode());
        var provider = services.GetRequiredService<IPaymentProvider>();
        NotificationRequest Request(RsaKeyPair signedBy) =>
            new(AlipayNotifications.SignedBody(AlipayNotifications.Notification(("passback_params", "")), signedBy), new Dictionary<string, string>());

        Assert.NotNull(provider.Verify(Request(TestKeys.Alipay)));
        Assert.Null(provider.Verify(Request(TestKeys.Stranger)));
    }

    [Fact]
    public void Public_key_mode_sends_no_serial_numbers()
    {
        using var services = AlipayServices.Build();

        Assert.Empty(services.GetRequiredService<AlipayCertificateParameters>().Values);
    }

    [Fact]
    public void The_root_serial_number_counts_only_sha1_and_sha256_with_rsa_entries_in_file_order()
    {
        X509Certificate2Collection chain = [TestCertificates.RootSha256, TestCertificates.RootEcc, TestCertificates.RootSha384, TestCertificates.RootSha1];

        var serialNumbers = AlipayCertificates.RootSerialNumberOf(chain).Split('_');

        Assert.Equal([AlipayCertificates.SerialNumberOf(TestCertificates.RootSha256), AlipayCertificates.SerialNumberOf(TestCertificates.RootSha1)], serialNumbers);
        Assert.All(serialNumbers, sn => Assert.Matches("^[0-9a-f]{32}$", sn));
    }

    [Theory]
    [InlineData("Alipay:AppCertificate")]
    [InlineData("Alipay:AlipayPublicCertificate")]
    [InlineData("Alipay:AlipayRootCertificate")]
    public void Certificate_mode_needs_all_three_certificates(string missing)
    {
        var failure = StartFailure(new Dictionary<string, string?>(AlipayServices.CertificateMode()) { [missing] = null });

        Assert.Contains($"{missing} is required in certificate mode", failure);
    }

    [Fact]
    public void A_public_key_beside_the_certificates_stops_the_start()
    {
        var failure = StartFailure(new Dictionary<string, string?>(AlipayServices.CertificateMode())
        {
            ["Alipay:AlipayPublicKey"] = TestKeys.Alipay.PublicKeyPem,
        });

        Assert.Contains("Alipay:AlipayPublicKey is for public key mode", failure);
    }

    [Theory]
    [InlineData("Alipay:AppCertificate", "not a certificate", "is not the app's public-key certificate")]
    [InlineData("Alipay:AppCertificate", "stranger", "does not hold the public key of Alipay:AppPrivateKey")]
    [InlineData("Alipay:AlipayPublicCertificate", "ecc", "is not a certificate (PEM) with an RSA key")]
    [InlineData("Alipay:AlipayPublicCertificate", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----", "is not a certificate")]
    [InlineData("Alipay:AlipayRootCertificate", "ecc", "holds no certificate signed with sha1WithRSA or sha256WithRSA")]
    [InlineData("Alipay:AlipayRootCertificate", "not a certificate", "is not Alipay's root certificates")]
    public void A_certificate_unfit_for_its_use_stops_the_start_naming_the_setting(string setting, string value, string reason)
    {
        var pem = value switch
        {
            "stranger" => TestCertificates.Pem(TestCertificates.Stranger),
            "ecc" => TestCertificates.Pem(TestCertificates.RootEcc),
            _ => value,
        };

        var failure = StartFailure(new Dictionary<string, string?>(AlipayServices.CertificateMode()) { [setting] = pem });

        Assert.Contains($"{setting} {reason}", failure);
    }

    private static string StartFailure(Dictionary<string, string?> settings)
    {
        using var services = AlipayServices.Build(settings);
        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        return Assert.Single(failure.Failures);
    }
}
