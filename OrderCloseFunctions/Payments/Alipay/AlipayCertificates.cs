using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OrderClose.Payments.Alipay;

/// <summary>
/// Alipay's public-key certificate mode (公钥证书): the certificates as PEM, and the serial numbers a request carries,
/// computed as Alipay's SDKs compute them (npm <c>alipay-sdk</c> <c>getSN</c>).
/// </summary>
internal static class AlipayCertificates
{
    // The short names the Node SDK's X.509 reader gives issuer attributes; any other attribute has none there.
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["2.5.4.3"] = "CN",
        ["2.5.4.6"] = "C",
        ["2.5.4.7"] = "L",
        ["2.5.4.8"] = "ST",
        ["2.5.4.10"] = "O",
        ["2.5.4.11"] = "OU",
        ["1.2.840.113549.1.9.1"] = "E",
    };

    // sha1WithRSAEncryption, sha256WithRSAEncryption: the root certificates Alipay counts in alipay_root_cert_sn.
    private static readonly HashSet<string> RsaSignatures = ["1.2.840.113549.1.1.5", "1.2.840.113549.1.1.11"];

    /// <exception cref="CryptographicException">Not one PEM certificate.</exception>
    public static X509Certificate2 Read(string pem) => X509Certificate2.CreateFromPem(pem.Trim());

    /// <exception cref="CryptographicException">Not PEM certificates.</exception>
    public static X509Certificate2Collection ReadChain(string pem)
    {
        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(pem.Trim());
        return chain.Count > 0 ? chain : throw new CryptographicException("No certificate in the PEM text.");
    }

    /// <summary>The key that verifies what the certificate's owner signs.</summary>
    /// <exception cref="CryptographicException">Not a PEM certificate, or its key is not RSA.</exception>
    public static RSA RsaPublicKeyOf(string pem)
    {
        using var certificate = Read(pem);
        return certificate.GetRSAPublicKey() ?? throw new CryptographicException("The certificate's key is not RSA.");
    }

    /// <summary><c>app_cert_sn</c>: the MD5 (hex) of the issuer as <c>CN=…,OU=…,O=…,C=…</c> (last attribute first) and the serial number in decimal.</summary>
    /// <exception cref="CryptographicException">An issuer name with a multi-valued attribute, which Alipay does not issue.</exception>
    public static string SerialNumberOf(X509Certificate2 certificate)
    {
        var issuer = string.Join(',', certificate.IssuerName.EnumerateRelativeDistinguishedNames(reversed: true).Select(name =>
        {
            if (name.HasMultipleElements)
            {
                throw new CryptographicException($"The issuer '{certificate.Issuer}' has a multi-valued attribute.");
            }
            return $"{ShortNames.GetValueOrDefault(name.GetSingleElementType().Value!, "")}={name.GetSingleElementValue()}";
        }));
        var serial = new BigInteger(certificate.GetSerialNumber(), isUnsigned: true, isBigEndian: false);
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(issuer + serial)));
    }

    /// <summary><c>alipay_root_cert_sn</c>: the serial numbers of the RSA-signed certificates of Alipay's root chain, joined by <c>_</c>.</summary>
    public static string RootSerialNumberOf(X509Certificate2Collection chain) =>
        string.Join('_', chain.Where(IsRsaSigned).Select(SerialNumberOf));

    public static bool IsRsaSigned(X509Certificate2 certificate) => RsaSignatures.Contains(certificate.SignatureAlgorithm.Value!);
}
