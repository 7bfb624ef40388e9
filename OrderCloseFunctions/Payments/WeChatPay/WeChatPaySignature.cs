namespace OrderClose.Payments.WeChatPay;

/// <summary>What WeChat Pay API v3 signs (<see cref="RsaSha256"/>): lines, each ending in <c>\n</c>.</summary>
internal static class WeChatPaySignature
{
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    public const string TimestampHeader = "Wechatpay-Timestamp";
    public const string NonceHeader = "Wechatpay-Nonce";
    public const string SignatureHeader = "Wechatpay-Signature";
    public const string SerialHeader = "Wechatpay-Serial";

    /// <param name="url">The path and query as sent, e.g. <c>/v3/pay/transactions/out-trade-no/T1?mchid=1900000001</c>.</param>
    /// <param name="body">Empty for a GET.</param>
    public static string Request(string method, string url, long timestamp, string nonce, string body) =>
        $"{method}\n{url}\n{timestamp}\n{nonce}\n{body}\n";

    /// <summary>What WeChat Pay signs in its answers and callbacks, from the <c>Wechatpay-*</c> headers and the raw body.</summary>
    public static string Response(string timestamp, string nonce, string body) => $"{timestamp}\n{nonce}\n{body}\n";
}
