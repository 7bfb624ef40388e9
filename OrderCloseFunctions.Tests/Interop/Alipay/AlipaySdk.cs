namespace OrderClose.Tests.Interop.Alipay;

/// <summary>Alipay's official Node SDK (npm <c>alipay-sdk</c>, pinned in package.json), driven through <c>node/alipay-sdk.mjs</c>.</summary>
internal static class AlipaySdk
{
    private static readonly NodeScript Script = new("alipay-sdk.mjs", "alipay-sdk");

    /// <summary>The common parameters and signature the SDK sends for <paramref name="method"/> on one trade.</summary>
    public static Task<Dictionary<string, string>> SignAsync(string appId, string privateKeyPem, string method, string timestamp, string outTradeNo) =>
        SignAsync(appId, privateKeyPem, method, timestamp, new Dictionary<string, string> { ["out_trade_no"] = outTradeNo }, new Dictionary<string, string>());

    /// <summary>
    /// The parameters and signature the SDK makes of <paramref name="bizContent"/> (in this order) and the further request
    /// <paramref name="parameters"/> (camelCase, as the SDK takes them, e.g. <c>notifyUrl</c>).
    /// </summary>
    public static Task<Dictionary<string, string>> SignAsync(
        string appId, string privateKeyPem, string method, string timestamp,
        IEnumerable<KeyValuePair<string, string>> bizContent, IReadOnlyDictionary<string, string> parameters) =>
        Script.RunAsync<Dictionary<string, string>>(new
        {
            Operation = "sign",
            AppId = appId,
            PrivateKey = privateKeyPem,
            Method = method,
            Timestamp = timestamp,
            BizContent = new System.Text.Json.Nodes.JsonObject(bizContent.Select(p => KeyValuePair.Create(p.Key, (System.Text.Json.Nodes.JsonNode?)p.Value))),
            Parameters = parameters,
        });
}
