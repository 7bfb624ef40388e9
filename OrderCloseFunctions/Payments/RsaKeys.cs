using System.Security.Cryptography;

namespace OrderClose.Payments;

/// <summary>Reads RSA keys in the forms providers hand out (Alipay's key tool and console, WeChat Pay's merchant platform): PEM, or the bare base64 of the DER.</summary>
internal static class RsaKeys
{
    /// <exception cref="FormatException">Not base64.</exception>
    /// <exception cref="CryptographicException">Not an RSA private key.</exception>
    public static RSA ImportPrivateKey(string text) => Import(text, static (rsa, der) =>
    {
        // The key tool prints PKCS#8 for Java and PKCS#1 for the other languages; the DER tells which.
        try
        {
            rsa.ImportPkcs8PrivateKey(der, out _);
        }
        catch (CryptographicException)
        {
            rsa.ImportRSAPrivateKey(der, out _);
        }
    });

    /// <exception cref="FormatException">Not base64.</exception>
    /// <exception cref="CryptographicException">Not an RSA SubjectPublicKeyInfo.</exception>
    public static RSA ImportPublicKey(string text) => Import(text, static (rsa, der) => rsa.ImportSubjectPublicKeyInfo(der, out _));

    private static RSA Import(string text, Action<RSA, byte[]> import)
    {
        var rsa = RSA.Create();
        try
        {
            import(rsa, DerOf(text));
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static byte[] DerOf(string text)
    {
        var trimmed = text.AsSpan().Trim();
        var base64 = PemEncoding.TryFind(trimmed, out var pem) ? trimmed[pem.Base64Data] : trimmed;
        return Convert.FromBase64String(base64.ToString());
    }
}
