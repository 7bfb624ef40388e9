using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OrderClose.Payments.WeChatPay;

internal enum SignatureCheck
{
    Valid,

    /// <summary>A <c>Wechatpay-*</c> header is missing.</summary>
    Missing,

    /// <summary><c>Wechatpay-Serial</c> names no key configured here.</summary>
    UnknownSerial,

    /// <summary><c>Wechatpay-Timestamp</c> is unreadable or outside the window: a replay, or a clock far off.</summary>
    OutsideWindow,

    BadSignature,
}

/// <summary>
/// Checks WeChat Pay's signature on an answer or a callback: the key named by <c>Wechatpay-Serial</c>, the time in
/// <c>Wechatpay-Timestamp</c>, and the signature over timestamp, nonce and the raw body. Owns the keys.
/// </summary>
internal sealed class WeChatPayPlatformVerifier(IReadOnlyDictionary<string, RSA> keysBySerial, IOptions<WeChatPayOptions> options, TimeProvider clock)
    : IDisposable
{
    /// <param name="header">The value of a header by name (case-insensitive), or null.</param>
    public SignatureCheck Check(Func<string, string?> header, string body)
    {
        var serial = header(WeChatPaySignature.SerialHeader);
        var timestamp = header(WeChatPaySignature.TimestampHeader);
        var nonce = header(WeChatPaySignature.NonceHeader);
        var signature = header(WeChatPaySignature.SignatureHeader);
        if (string.IsNullOrEmpty(serial) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Missing;
        }
        if (!keysBySerial.TryGetValue(serial, out var key))
        {
            return SignatureCheck.UnknownSerial;
        }
        if (!IsWithinWindow(timestamp))
        {
            return SignatureCheck.OutsideWindow;
        }
        return RsaSha256.Verify(key, WeChatPaySignature.Response(timestamp, nonce, body), signature)
            ? SignatureCheck.Valid
            : SignatureCheck.BadSignature;
    }

    private bool IsWithinWindow(string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }
        var lag = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return lag.Duration() <= options.Value.TimestampWindow;
    }

    public void Dispose()
    {
        foreach (var key in keysBySerial.Values)
        {
            key.Dispose();
        }
    }
}
