namespace OrderClose.Tests.Interop.Alipay;

/// <summary>Alipay's official Node SDK (npm <c>alipay-sdk</c>, pinned in package.json), driven through <c>node/alipay-sdk.mjs</c>.</summary>
internal static class AlipaySdk
{
    private static readonly NodeScript Script = new("alipay-sdk.mjs", "alipay-sdk");

    /// <summary>The common parameters and signature the SDK sends for <paramref name="method"/> on one trade.</summary>
    public static Task<Dictionary<string, string>> SignAsync(string appId, string privateKeyPem, string method, string timestamp, string outTradeNo) =>
        Script.RunAsync<Dictionary<string, string>>(new
        {
            Operation = "sign",
            AppId = appId,
            PrivateKey = privateKeyPem,
            Method = method,
            Timestamp = timestamp,
            BizContent = new Dictionary<string, string> { ["out_trade_no"] = outTradeNo },
        });
}
