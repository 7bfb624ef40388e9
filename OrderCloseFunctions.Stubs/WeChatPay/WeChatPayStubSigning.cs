using System.Globalization;
using System.Security.Cryptography;
using OrderClose.Payments;
using OrderClose.Payments.WeChatPay;

namespace OrderClose.Stubs.WeChatPay;

/// <summary>The <c>Wechatpay-*</c> headers WeChat Pay puts on what it sends, signed over timestamp, nonce and body.</summary>
public static class WeChatPayStubSigning
{
    /// <param name="signedText">What to sign; the body, unless a test tampers with it after signing.</param>
    /// <param name="key">The key that signs; null: WeChat Pay's (<see cref="WeChatPayStubAccount.Platform"/>).</param>
    /// <param name="serial">The <c>Wechatpay-Serial</c>; null: the account's public key id.</param>
    public static Dictionary<string, string> Headers(
        WeChatPayStubAccount account, string signedText, DateTimeOffset at, RsaKeyPair? key = null, string? serial = null)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        using var privateKey = (key ?? account.Platform).PrivateKey();
        return new Dictionary<string, string>
        {
            [WeChatPaySignature.TimestampHeader] = timestamp,
            [WeChatPaySignature.NonceHeader] = nonce,
            [WeChatPaySignature.SerialHeader] = serial ?? account.PlatformPublicKeyId,
            [WeChatPaySignature.SignatureHeader] = RsaSha256.Sign(privateKey, WeChatPaySignature.Response(timestamp, nonce, signedText)),
        };
    }
}
