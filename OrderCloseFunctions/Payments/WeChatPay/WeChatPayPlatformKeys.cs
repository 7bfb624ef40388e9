using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrderClose.Payments.WeChatPay;

/// <summary>WeChat Pay's verifying keys, by the <c>Wechatpay-Serial</c> that names each.</summary>
internal static class WeChatPayPlatformKeys
{
    public static Dictionary<string, RSA> From(WeChatPayOptions options)
    {
        // Certificate serials are hex, which WeChat Pay may print in either case.
        var keys = new Dictionary<string, RSA>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(options.PlatformPublicKeyId))
        {
            keys[options.PlatformPublicKeyId.Trim()] = RsaKeys.ImportPublicKey(options.PlatformPublicKey);
        }
        if (!string.IsNullOrWhiteSpace(options.PlatformCertificate))
        {
            var certificate = ImportCertificateKey(options.PlatformCertificate);
            keys[certificate.Serial] = certificate.Key;
        }
        return keys;
    }

    /// <exception cref="CryptographicException">Not a PEM certificate with an RSA key.</exception>
    public static CertificateKey ImportCertificateKey(string pem)
    {
        using var certificate = X509Certificate2.CreateFromPem(pem);
        var key = certificate.GetRSAPublicKey() ?? throw new CryptographicException("The certificate's key is not RSA.");
        return new CertificateKey(certificate.SerialNumber, key);
    }

    internal sealed record CertificateKey(string Serial, RSA Key) : IDisposable
    {
        public void Dispose() => Key.Dispose();
    }
}
