using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderClose.Stubs.WeChatPay;

/// <summary>
/// WeChat Pay's side of the API v3 signatures (SHA256withRSA, PKCS#1 v1.5, base64), written from WeChat Pay's
/// documentation rather than taken from the app, so a mistake in the app's signing is not mirrored here: the
/// <c>Wechatpay-*</c> headers on what WeChat Pay sends, over <c>timestamp\nnonce\nbody\n</c>, and the check of the
/// merchant's <c>Authorization</c> (<see cref="MerchantAuthorization"/>), over <c>METHOD\nURL\ntimestamp\nnonce\nbody\n</c>.
/// </summary>
public static class WeChatPayStubSigning
{
    internal const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    /// <param name="signedText">What to sign; the body, unless a test tampers with it after signing.</param>
    /// <param name="key">The key that signs; null: WeChat Pay's (<see cref="WeChatPayStubAccount.Platform"/>).</param>
    /// <param name="serial">The <c>Wechatpay-Serial</c>; null: the account's public key id.</param>
    public static Dictionary<string, string> Headers(
        WeChatPayStubAccount account, string signedText, DateTimeOffset at, RsaKeyPair? key = null, string? serial = null)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        using var privateKey = (key ?? account.Platform).PrivateKey();
        var signature = privateKey.SignData(Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{signedText}\n"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new Dictionary<string, string>
        {
            ["Wechatpay-Timestamp"] = timestamp,
            ["Wechatpay-Nonce"] = nonce,
            ["Wechatpay-Serial"] = serial ?? account.PlatformPublicKeyId,
            ["Wechatpay-Signature"] = Convert.ToBase64String(signature),
        };
    }

    /// <summary>Whether <paramref name="signature"/> (base64) signs the merchant's request line by line with <paramref name="key"/>.</summary>
    internal static bool SignsRequest(RSA key, string? signature, string method, string url, long timestamp, string nonce, string body)
    {
        var bytes = new byte[signature?.Length ?? 0];
        return Convert.TryFromBase64String(signature ?? "", bytes, out var length) && length > 0
            && key.VerifyData(Encoding.UTF8.GetBytes($"{method}\n{url}\n{timestamp}\n{nonce}\n{body}\n"), bytes.AsSpan(0, length),
                HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
