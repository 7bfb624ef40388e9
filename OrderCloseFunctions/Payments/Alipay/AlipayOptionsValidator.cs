using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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
        if (options.UsesCertificates)
        {
            CheckCertificates(failures, options);
        }
        else
        {
            KeySettings.Check(failures, Setting(nameof(AlipayOptions.AlipayPublicKey)), options.AlipayPublicKey, RsaKeys.ImportPublicKey,
                "an RSA public key (PEM, or base64 SubjectPublicKeyInfo)");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Certificate mode: the three certificates, readable and fit for their use, and no public key beside them.</summary>
    private static void CheckCertificates(List<string> failures, AlipayOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.AlipayPublicKey))
        {
            failures.Add($"{Setting(nameof(AlipayOptions.AlipayPublicKey))} is for public key mode, and the certificate settings are given: " +
                $"set either it or {Setting(nameof(AlipayOptions.AppCertificate))}, {Setting(nameof(AlipayOptions.AlipayPublicCertificate))} " +
                $"and {Setting(nameof(AlipayOptions.AlipayRootCertificate))}, not both.");
        }
        CheckCertificate(failures, nameof(AlipayOptions.AppCertificate), options.AppCertificate, "the app's public-key certificate (PEM)", () =>
        {
            using var certificate = AlipayCertificates.Read(options.AppCertificate);
            AlipayCertificates.SerialNumberOf(certificate);
            return IsTheAppsKey(certificate, options.AppPrivateKey) ? null : "does not hold the public key of Alipay:AppPrivateKey.";
        });
        CheckCertificate(failures, nameof(AlipayOptions.AlipayPublicCertificate), options.AlipayPublicCertificate, "a certificate (PEM) with an RSA key", () =>
        {
            AlipayCertificates.RsaPublicKeyOf(options.AlipayPublicCertificate).Dispose();
            return null;
        });
        CheckCertificate(failures, nameof(AlipayOptions.AlipayRootCertificate), options.AlipayRootCertificate, "Alipay's root certificates (PEM)", () =>
        {
            var chain = AlipayCertificates.ReadChain(options.AlipayRootCertificate);
            var rsaSigned = chain.Where(AlipayCertificates.IsRsaSigned).ToList();
            rsaSigned.ForEach(certificate => AlipayCertificates.SerialNumberOf(certificate));
            foreach (var certificate in chain)
            {
                certificate.Dispose();
            }
            return rsaSigned.Count > 0 ? null : "holds no certificate signed with sha1WithRSA or sha256WithRSA.";
        });
    }

    /// <param name="problem">Reads the value: a sentence when it is unfit, null when fine; throws when unreadable.</param>
    private static void CheckCertificate(List<string> failures, string property, string value, string expected, Func<string?> problem)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Setting(property)} is required in certificate mode.");
            return;
        }
        try
        {
            if (problem() is { } sentence)
            {
                failures.Add($"{Setting(property)} {sentence}");
            }
        }
        catch (CryptographicException)
        {
            failures.Add($"{Setting(property)} is not {expected}.");
        }
    }

    private static bool IsTheAppsKey(X509Certificate2 certificate, string appPrivateKey)
    {
        using var certified = certificate.GetRSAPublicKey();
        try
        {
            using var own = RsaKeys.ImportPrivateKey(appPrivateKey);
            return certified is not null && certified.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(own.ExportSubjectPublicKeyInfo());
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return true; // AppPrivateKey's own check reports it.
        }
    }

    private static string Setting(string property) => $"{AlipayOptions.Section}:{property}";
}
