using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrderClose.Tests.Payments.WeChatPay;

public sealed class WeChatPayOptionsValidationTests
{
    [Fact]
    public void Valid_settings_start()
    {
        using var services = WeChatPayServices.Build();

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData("WeChatPay:MchId", null)]
    [InlineData("WeChatPay:AppId", " ")]
    [InlineData("WeChatPay:MerchantSerialNo", null)]
    [InlineData("WeChatPay:MerchantPrivateKey", null)]
    [InlineData("WeChatPay:MerchantPrivateKey", "bm90IGEga2V5")]
    [InlineData("WeChatPay:ApiV3Key", null)]
    [InlineData("WeChatPay:ApiV3Key", "too-short")]
    [InlineData("WeChatPay:PlatformPublicKeyId", null)]
    [InlineData("WeChatPay:PlatformPublicKey", null)]
    [InlineData("WeChatPay:PlatformPublicKey", "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----")]
    [InlineData("WeChatPay:PlatformCertificate", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----")]
    [InlineData("WeChatPay:BaseUrl", "http://api.mch.weixin.qq.com/")]
    [InlineData("WeChatPay:BaseUrl", "/v3/")]
    [InlineData("WeChatPay:TimestampWindow", "00:00:00")]
    [InlineData("WeChatPay:MinPaymentTimeout", "-00:00:01")]
    public void A_missing_or_unreadable_setting_stops_the_start_naming_it(string setting, string? value)
    {
        using var services = WeChatPayServices.Build(new Dictionary<string, string?> { [setting] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(setting, Assert.Single(failure.Failures));
    }

    [Theory]
    [InlineData("WeChatPay:MerchantPrivateKey")]
    [InlineData("WeChatPay:PlatformPublicKey")]
    public void A_key_of_the_wrong_kind_is_refused_without_echoing_it(string setting)
    {
        var wrongKind = setting == "WeChatPay:MerchantPrivateKey" ? WeChatPayTestAccount.Merchant.PublicKeyPem : WeChatPayTestAccount.Platform.PrivateKeyPem;
        using var services = WeChatPayServices.Build(new Dictionary<string, string?> { [setting] = wrongKind });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        var message = Assert.Single(failure.Failures);
        Assert.Contains(setting, message);
        Assert.DoesNotContain(wrongKind.Split('\n')[1], message);
    }

    [Fact]
    public void A_platform_certificate_alone_is_enough()
    {
        using var services = WeChatPayServices.Build(new Dictionary<string, string?>
        {
            ["WeChatPay:PlatformPublicKeyId"] = null,
            ["WeChatPay:PlatformPublicKey"] = null,
            ["WeChatPay:PlatformCertificate"] = PlatformCertificate.Pem,
        });

        services.GetRequiredService<IStartupValidator>().Validate();
    }
}

/// <summary>A self-signed certificate over WeChat Pay's test key pair, as the platform certificate mode downloads it.</summary>
internal static class PlatformCertificate
{
    public static readonly string Serial = "3775B6A45ACD588826D15E583A95F5DD2C2E1234";

    public static readonly string Pem = Create();

    private static string Create()
    {
        using var key = WeChatPayTestAccount.Platform.PrivateKey();
        var request = new CertificateRequest("CN=Tenpay.com Root CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1),
            DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(4), Convert.FromHexString(Serial));
        return certificate.ExportCertificatePem();
    }
}
