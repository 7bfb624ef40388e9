using System.Globalization;
using System.Security.Cryptography;
using OrderClose.Payments;
using OrderClose.Payments.WeChatPay;
using OrderClose.Tests.Payments.Alipay;

namespace OrderClose.Tests.Payments.WeChatPay;

/// <summary>The <c>Wechatpay-*</c> headers WeChat Pay puts on what it sends, signed over timestamp, nonce and body.</summary>
internal static class WeChatPaySigning
{
    /// <param name="signedText">What to sign; the body, unless the test tampers with it after signing.</param>
    public static Dictionary<string, string> Headers(string signedText, DateTimeOffset at, TestKeyPair? key = null, string? serial = null)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        using var privateKey = (key ?? WeChatPayTestAccount.Platform).PrivateKey();
        return new Dictionary<string, string>
        {
            [WeChatPaySignature.TimestampHeader] = timestamp,
            [WeChatPaySignature.NonceHeader] = nonce,
            [WeChatPaySignature.SerialHeader] = serial ?? WeChatPayTestAccount.PlatformPublicKeyId,
            [WeChatPaySignature.SignatureHeader] = RsaSha256.Sign(privateKey, WeChatPaySignature.Response(timestamp, nonce, signedText)),
        };
    }
}
