using System.Security.Cryptography;
using System.Text;

namespace OrderClose.Payments;

/// <summary>SHA256withRSA (PKCS#1 v1.5) over UTF-8 text, base64: the signature Alipay (RSA2) and WeChat Pay (API v3) both use.</summary>
internal static class RsaSha256
{
    public static string Sign(RSA privateKey, string content) =>
        Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <returns>False for a missing or non-base64 signature too.</returns>
    public static bool Verify(RSA publicKey, string content, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }
        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && publicKey.VerifyData(Encoding.UTF8.GetBytes(content), bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
