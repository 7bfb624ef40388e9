using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OrderClose.Payments.WeChatPay;

/// <summary>Signs requests with the merchant's API private key, which it owns. RSA signing is safe to share across threads.</summary>
internal sealed class WeChatPayMerchantSigner(RSA privateKey, IOptions<WeChatPayOptions> options, TimeProvider clock) : IDisposable
{
    /// <summary>
    /// The <c>Authorization</c> header's value for one request, with a fresh nonce and the current time:
    /// <c>WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"</c>.
    /// </summary>
    /// <param name="url">The path and query as sent.</param>
    public string Authorization(string method, string url, string body)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var signature = RsaSha256.Sign(privateKey, WeChatPaySignature.Request(method, url, timestamp, nonce, body));
        var merchant = options.Value;
        return $"{WeChatPaySignature.Scheme} mchid=\"{merchant.MchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{merchant.MerchantSerialNo}\"";
    }

    public void Dispose() => privateKey.Dispose();
}
