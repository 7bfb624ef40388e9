using System.Security.Cryptography;
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
        if (!IsAllowedGateway(options.GatewayUrl))
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
        CheckKey(failures, nameof(AlipayOptions.AppPrivateKey), options.AppPrivateKey, RsaKeys.ImportPrivateKey,
            "an RSA private key (PEM, or base64 PKCS#1 or PKCS#8)");
        CheckKey(failures, nameof(AlipayOptions.AlipayPublicKey), options.AlipayPublicKey, RsaKeys.ImportPublicKey,
            "an RSA public key (PEM, or base64 SubjectPublicKeyInfo)");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAllowedGateway(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));

    private static void CheckKey(List<string> failures, string property, string value, Func<string, RSA> import, string expected)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Setting(property)} is required.");
            return;
        }
        try
        {
            import(value).Dispose();
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            failures.Add($"{Setting(property)} is not {expected}.");
        }
    }

    private static string Setting(string property) => $"{AlipayOptions.Section}:{property}";
}
