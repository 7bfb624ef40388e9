using System.Text;
using Microsoft.Extensions.Options;

namespace OrderClose.Payments.WeChatPay;

/// <summary>Fails start-up on a missing or unreadable setting, naming the setting and never echoing a key.</summary>
internal sealed class WeChatPayOptionsValidator : IValidateOptions<WeChatPayOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatPayOptions options)
    {
        var failures = new List<string>();
        Require(failures, nameof(WeChatPayOptions.MchId), options.MchId);
        Require(failures, nameof(WeChatPayOptions.AppId), options.AppId);
        Require(failures, nameof(WeChatPayOptions.MerchantSerialNo), options.MerchantSerialNo);
        KeySettings.Check(failures, Setting(nameof(WeChatPayOptions.MerchantPrivateKey)), options.MerchantPrivateKey, RsaKeys.ImportPrivateKey,
            "an RSA private key (PEM, or base64 PKCS#8 or PKCS#1)");
        if (Encoding.UTF8.GetByteCount(options.ApiV3Key ?? "") != WeChatPayResourceCipher.KeySize)
        {
            failures.Add($"{Setting(nameof(WeChatPayOptions.ApiV3Key))} must be the {WeChatPayResourceCipher.KeySize}-character APIv3 key.");
        }
        CheckPlatformKeys(failures, options);
        if (!GatewayUrls.IsAllowed(options.BaseUrl))
        {
            failures.Add($"{Setting(nameof(WeChatPayOptions.BaseUrl))} must be an absolute https URL (http only for loopback).");
        }
        if (options.TimestampWindow <= TimeSpan.Zero)
        {
            failures.Add($"{Setting(nameof(WeChatPayOptions.TimestampWindow))} must be positive.");
        }
        if (options.MinPaymentTimeout < TimeSpan.Zero)
        {
            failures.Add($"{Setting(nameof(WeChatPayOptions.MinPaymentTimeout))} must not be negative.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPlatformKeys(List<string> failures, WeChatPayOptions options)
    {
        var publicKeyMode = !string.IsNullOrWhiteSpace(options.PlatformPublicKeyId) || !string.IsNullOrWhiteSpace(options.PlatformPublicKey);
        var certificateMode = !string.IsNullOrWhiteSpace(options.PlatformCertificate);
        if (publicKeyMode || !certificateMode)
        {
            Require(failures, nameof(WeChatPayOptions.PlatformPublicKeyId), options.PlatformPublicKeyId);
            KeySettings.Check(failures, Setting(nameof(WeChatPayOptions.PlatformPublicKey)), options.PlatformPublicKey, RsaKeys.ImportPublicKey,
                "an RSA public key (PEM, or base64 SubjectPublicKeyInfo)");
        }
        if (certificateMode)
        {
            KeySettings.Check(failures, Setting(nameof(WeChatPayOptions.PlatformCertificate)), options.PlatformCertificate,
                WeChatPayPlatformKeys.ImportCertificateKey, "a PEM certificate with an RSA key");
        }
    }

    private static void Require(List<string> failures, string property, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Setting(property)} is required.");
        }
    }

    private static string Setting(string property) => $"{WeChatPayOptions.Section}:{property}";
}
