using Microsoft.Extensions.Options;

namespace OrderClose.Payments.Alipay;

/// <summary>Fails start-up on a missing or unreadable setting, naming the setting and never echoing a key.</summary>
internal sealed class AlipayOptionsValidator : IValidateOptions<AlipayOptions>
{
    public ValidateOptionsResult Validate(string? name, AlipayOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            failures.Add($"{Setting(nameof(AlipayOptions.AppId))} is required.");
        }
        if (!GatewayUrls.IsAllowed(options.GatewayUrl))
        {
            failures.Add($"{Setting(nameof(AlipayOptions.GatewayUrl))} must be an absolute https URL (http only for loopback).");
        }
        if (options.NotificationMaxAge <= TimeSpan.Zero)
        {
            failures.Add($"{Setting(nameof(AlipayOptions.NotificationMaxAge))} must be positive.");
        }
        if (options.NotificationClockSkew < TimeSpan.Zero)
        {
            failures.Add($"{Setting(nameof(AlipayOptions.NotificationClockSkew))} must not be negative.");
        }
        KeySettings.Check(failures, Setting(nameof(AlipayOptions.AppPrivateKey)), options.AppPrivateKey, RsaKeys.ImportPrivateKey,
            "an RSA private key (PEM, or base64 PKCS#1 or PKCS#8)");
        KeySettings.Check(failures, Setting(nameof(AlipayOptions.AlipayPublicKey)), options.AlipayPublicKey, RsaKeys.ImportPublicKey,
            "an RSA public key (PEM, or base64 SubjectPublicKeyInfo)");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string property) => $"{AlipayOptions.Section}:{property}";
}
