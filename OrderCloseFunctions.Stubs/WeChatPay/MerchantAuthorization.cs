using System.Globalization;
using System.Text.RegularExpressions;
using OrderClose.Payments;
using OrderClose.Payments.WeChatPay;

namespace OrderClose.Stubs.WeChatPay;

/// <summary>WeChat Pay's check of a request's <c>Authorization: WECHATPAY2-SHA256-RSA2048 …</c> header, as the stub runs it.</summary>
internal static partial class MerchantAuthorization
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>True when the header is the account's merchant's, fresh at <paramref name="now"/>, and signs this very request.</summary>
    public static bool IsValid(WeChatPayStubAccount account, string? header, string method, string url, string body, DateTimeOffset now)
    {
        var prefix = WeChatPaySignature.Scheme + " ";
        if (header is null || !header.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var fields = Field().Matches(header[prefix.Length..]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        if (fields.GetValueOrDefault("mchid") != account.MchId
            || fields.GetValueOrDefault("serial_no") != account.MerchantSerialNo
            || fields.GetValueOrDefault("nonce_str") is not { Length: > 0 } nonce
            || !long.TryParse(fields.GetValueOrDefault("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || (now - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > Window)
        {
            return false;
        }
        using var key = account.Merchant.PublicKey();
        return RsaSha256.Verify(key, WeChatPaySignature.Request(method, url, timestamp, nonce, body), fields.GetValueOrDefault("signature"));
    }

    [GeneratedRegex("""([a-z_]+)="([^"]*)",?""")]
    private static partial Regex Field();
}
