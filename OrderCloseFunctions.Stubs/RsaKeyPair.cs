using System.Security.Cryptography;

namespace OrderClose.Stubs;

/// <summary>An RSA key pair as PEM, made when asked and never committed: a merchant's or a provider's, for a stub and its client.</summary>
public sealed record RsaKeyPair(string PrivateKeyPem, string PublicKeyPem)
{
    public static RsaKeyPair Generate()
    {
        using var rsa = RSA.Create(2048);
        return new RsaKeyPair(rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    }

    public RSA PrivateKey() => Imported(PrivateKeyPem);

    public RSA PublicKey() => Imported(PublicKeyPem);

    private static RSA Imported(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }
}
