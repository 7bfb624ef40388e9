using System.Text.Json;
using OrderClose.Tests.Payments.Alipay;

namespace OrderClose.Tests.Interop.Alipay;

/// <summary>
/// Alipay's official Node SDK (npm <c>alipay-sdk</c>, pinned in package.json), driven through <c>node/alipay-sdk.mjs</c>,
/// configured as the app: the app's private key, Alipay's public key (<see cref="TestKeys"/>).
/// Verdicts are <c>accepted</c>, <c>refused</c>, or <c>threw: message</c>.
/// </summary>
internal static class AlipaySdk
{
    public const string Accepted = "accepted";

    private static readonly NodeScript Script = new("alipay-sdk.mjs", "alipay-sdk");

    /// <summary>The common parameters and signature the SDK sends for <paramref name="method"/> on one trade.</summary>
    /// <param name="certificates">Certificate mode with these certificates; public key mode when null.</param>
    public static Task<Dictionary<string, string>> SignAsync(string method, string timestamp, string outTradeNo, AlipayCertificateSet? certificates = null) =>
        SignAsync(method, timestamp, BizContent(outTradeNo), new Dictionary<string, string>(), certificates);

    /// <summary>
    /// The parameters and signature the SDK makes of <paramref name="bizContent"/> (in this order) and the further request
    /// <paramref name="parameters"/> (camelCase, as the SDK takes them, e.g. <c>notifyUrl</c>).
    /// </summary>
    public static Task<Dictionary<string, string>> SignAsync(
        string method, string timestamp, IEnumerable<KeyValuePair<string, string>> bizContent, IReadOnlyDictionary<string, string> parameters,
        AlipayCertificateSet? certificates = null) =>
        Script.RunAsync<Dictionary<string, string>>(new
        {
            Operation = "sign",
            AppId = AlipayServices.AppId,
            PrivateKey = TestKeys.App.PrivateKeyPem,
            Certificates = certificates,
            Method = method,
            Timestamp = timestamp,
            BizContent = new System.Text.Json.Nodes.JsonObject(bizContent.Select(p => KeyValuePair.Create(p.Key, (System.Text.Json.Nodes.JsonNode?)p.Value))),
            Parameters = parameters,
        });

    /// <summary><c>checkNotifySignV2</c>'s verdict on each notification form body.</summary>
    public static Task<string[]> CheckNotifySignV2Async(IEnumerable<string> bodies) =>
        Script.RunAsync<string[]>(new
        {
            Operation = "checkNotifySignV2",
            PrivateKey = TestKeys.App.PrivateKeyPem,
            AlipayPublicKey = TestKeys.Alipay.PublicKeyPem,
            Bodies = bodies,
        });

    /// <summary><c>checkResponseSign</c>'s verdict on each raw gateway response to <c>Method</c>.</summary>
    public static Task<string[]> CheckResponseSignAsync(IEnumerable<(string Method, string Body)> responses) =>
        Script.RunAsync<string[]>(new
        {
            Operation = "checkResponseSign",
            PrivateKey = TestKeys.App.PrivateKeyPem,
            AlipayPublicKey = TestKeys.Alipay.PublicKeyPem,
            Responses = responses.Select(response => new { response.Method, response.Body }),
        });

    /// <summary>The SDK's <c>exec</c> of <paramref name="method"/> on one trade against <paramref name="gateway"/>, with <c>validateSign</c>.</summary>
    /// <param name="certificates">Certificate mode with these certificates; public key mode when null.</param>
    public static Task<ExecOutcome> ExecAsync(Uri gateway, string method, string outTradeNo, AlipayCertificateSet? certificates = null) =>
        ExecAsync(gateway, method, BizContent(outTradeNo), certificates);

    /// <summary>The SDK's own <c>exec(method, {bizContent})</c> against <paramref name="gateway"/>, its response signature checked.</summary>
    public static Task<ExecOutcome> ExecAsync(
        Uri gateway, string method, IReadOnlyDictionary<string, string> bizContent, AlipayCertificateSet? certificates = null) =>
        Script.RunAsync<ExecOutcome>(new
        {
            Operation = "exec",
            AppId = AlipayServices.AppId,
            PrivateKey = TestKeys.App.PrivateKeyPem,
            AlipayPublicKey = certificates is null ? TestKeys.Alipay.PublicKeyPem : null,
            Certificates = certificates,
            Gateway = gateway.ToString(),
            Method = method,
            BizContent = bizContent,
        });

    /// <summary>What the SDK derives in certificate mode from each set: serial numbers and Alipay's public key.</summary>
    public static Task<CertificateModeValues[]> CertificateModeValuesAsync(IEnumerable<AlipayCertificateSet> sets) =>
        Script.RunAsync<CertificateModeValues[]>(new
        {
            Operation = "certificates",
            PrivateKey = TestKeys.App.PrivateKeyPem,
            Sets = sets,
        });

    private static Dictionary<string, string> BizContent(string outTradeNo) => new() { ["out_trade_no"] = outTradeNo };
}

/// <summary>What <c>exec</c> resolved to (its response, keys camelCased by the SDK), or the message it threw.</summary>
internal sealed record ExecOutcome(JsonElement? Result, string? Error);

/// <summary>Certificate mode's three certificates, PEM (the SDK's appCertContent, alipayPublicCertContent, alipayRootCertContent).</summary>
internal sealed record AlipayCertificateSet(string App, string AlipayPublic, string AlipayRoot)
{
    public static AlipayCertificateSet Test => new(
        TestCertificates.Pem(TestCertificates.App), TestCertificates.Pem(TestCertificates.AlipayPublic), TestCertificates.RootChainPem);
}

/// <summary>What the SDK computed: <c>app_cert_sn</c>, Alipay's certificate SN, <c>alipay_root_cert_sn</c>, Alipay's key (base64 SubjectPublicKeyInfo).</summary>
internal sealed record CertificateModeValues(string AppCertSn, string AlipayCertSn, string AlipayRootCertSn, string AlipayPublicKey);
