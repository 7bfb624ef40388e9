using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrderClose.Tests.Payments.Alipay;

/// <summary>
/// A stand-in for Alipay's certificate mode, made once per test run: root CAs signed with sha1WithRSA, sha256WithRSA
/// and ECDSA (as Alipay's root file mixes them), a class CA under the RSA root, and under it the app's certificate
/// (<see cref="TestKeys.App"/>) and Alipay's public certificate (<see cref="TestKeys.Alipay"/>).
/// </summary>
internal static class TestCertificates
{
    private static readonly DateTimeOffset NotBefore = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotAfter = new(2044, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly X509Certificate2 RootSha1 = SelfSignedRsa(Name("Test Financial Certification Authority"), HashAlgorithmName.SHA1, [0x3E, 0x91]);

    public static readonly X509Certificate2 RootSha256 = SelfSignedRsa(Name("Test Financial Certification Authority R1"), HashAlgorithmName.SHA256, [0x20, 0x18, 0x10, 0x31]);

    public static readonly X509Certificate2 RootSha384 = SelfSignedRsa(Name("Test Financial Certification Authority R2"), HashAlgorithmName.SHA384, [0x07]);

    public static readonly X509Certificate2 RootEcc = SelfSignedEcc(Name("Test Financial Certification Authority E1"));

    /// <summary>Issues the leaves; its name carries Chinese text, an e-mail address, L, ST and an attribute without a short name.</summary>
    public static readonly X509Certificate2 ClassCa = Issued(RootSha256, RSA.Create(2048), Name("Test Financial Class 2 R1", organization: "蚂蚁金服 (测试)", email: "ca@example.com"),
        // High bit set: a DER serial with a leading zero byte.
        [0x8F, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F], isCa: true);

    public static readonly X509Certificate2 App = Issued(ClassCa, TestKeys.App.PrivateKey(), new X500DistinguishedName("CN=2021000000000001, OU=Alipay, O=Test Merchant, C=CN"),
        [0x70, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 0x01, 0x02, 0x03, 0x04]);

    public static readonly X509Certificate2 AlipayPublic = Issued(ClassCa, TestKeys.Alipay.PrivateKey(), new X500DistinguishedName("CN=支付宝(中国)网络技术有限公司, OU=Alipay, O=Test Alipay, C=CN"),
        [0x01, 0x00]);

    /// <summary>A certificate for <see cref="TestKeys.Stranger"/>'s key, from the same CA.</summary>
    public static readonly X509Certificate2 Stranger = Issued(ClassCa, TestKeys.Stranger.PrivateKey(), new X500DistinguishedName("CN=Stranger, C=CN"), [0x42]);

    /// <summary>Alipay's root file: every root, the ECC one among them.</summary>
    public static string RootChainPem => string.Concat(new[] { RootSha1, RootEcc, RootSha256 }.Select(Pem));

    public static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";

    private static X500DistinguishedName Name(string commonName, string organization = "Test Financial", string? email = null)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("CN");
        if (email is not null)
        {
            name.AddStateOrProvinceName("Zhejiang");
            name.AddLocalityName("Hangzhou");
            name.Add("2.5.4.5", "91330100", System.Formats.Asn1.UniversalTagNumber.PrintableString); // serialNumber: no short name
        }
        name.AddOrganizationName(organization);
        name.AddOrganizationalUnitName("Certification Authority");
        name.AddCommonName(commonName);
        if (email is not null)
        {
            name.AddEmailAddress(email);
        }
        return name.Build();
    }

    // A CA keeps its key for the test run: it signs what it issues.
    private static X509Certificate2 SelfSignedRsa(X500DistinguishedName name, HashAlgorithmName hash, byte[] serial)
    {
        var key = RSA.Create(2048);
        var request = CaRequest(new CertificateRequest(name, key, hash, RSASignaturePadding.Pkcs1));
        var generator = hash == HashAlgorithmName.SHA1 ? new Sha1WithRsa(key) : X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1);
        return request.Create(name, generator, NotBefore, NotAfter, serial).CopyWithPrivateKey(key);
    }

    /// <summary>sha1WithRSAEncryption, which .NET no longer offers for certificates, and Alipay's oldest root still uses.</summary>
    private sealed class Sha1WithRsa(RSA key) : X509SignatureGenerator
    {
        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) =>
            [0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x05, 0x05, 0x00];

        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) =>
            key.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);

        protected override PublicKey BuildPublicKey() => new(key);
    }

    private static X509Certificate2 SelfSignedEcc(X500DistinguishedName name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return CaRequest(new CertificateRequest(name, key, HashAlgorithmName.SHA256)).CreateSelfSigned(NotBefore, NotAfter);
    }

    private static X509Certificate2 Issued(X509Certificate2 issuer, RSA key, X500DistinguishedName name, byte[] serial, bool isCa = false)
    {
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = (isCa ? CaRequest(request) : request).Create(issuer, NotBefore, NotAfter, serial);
        return isCa ? certificate.CopyWithPrivateKey(key) : certificate;
    }

    private static CertificateRequest CaRequest(CertificateRequest request)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request;
    }
}
