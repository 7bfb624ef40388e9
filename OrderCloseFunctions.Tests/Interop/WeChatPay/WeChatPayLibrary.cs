using System.Text.Json;
using OrderClose.Orders.Ports;
using OrderClose.Stubs;
using OrderClose.Tests.Payments.WeChatPay;

namespace OrderClose.Tests.Interop.WeChatPay;

/// <summary>
/// npm <c>wechatpay-axios-plugin</c> (pinned in package.json; MIT), an independent WeChat Pay API v3 implementation,
/// driven through <c>node/wechatpay.mjs</c>, for the test merchant of <see cref="WeChatPayTestAccount"/>.
/// </summary>
internal static class WeChatPayLibrary
{
    private static readonly NodeScript Script = new("wechatpay.mjs", "wechatpay-axios-plugin");

    /// <summary>Calls <paramref name="baseUrl"/> as the library's client: it signs the request and verifies the answer.</summary>
    /// <param name="path">Without the leading slash, e.g. <c>v3/pay/transactions/out-trade-no/T1</c>.</param>
    /// <param name="merchantKey">The key the library signs with; the merchant's unless a test says otherwise.</param>
    public static Task<LibraryAnswer> CallAsync(Uri baseUrl, string method, string path, object? query = null, object? data = null, RsaKeyPair? merchantKey = null) =>
        Script.RunAsync<LibraryAnswer>(new
        {
            Operation = "call",
            BaseURL = baseUrl.ToString(),
            Mchid = WeChatPayTestAccount.MchId,
            Serial = WeChatPayTestAccount.MerchantSerialNo,
            PrivateKey = (merchantKey ?? WeChatPayTestAccount.Merchant).PrivateKeyPem,
            PlatformKeyId = WeChatPayTestAccount.PlatformPublicKeyId,
            PlatformPublicKey = WeChatPayTestAccount.Platform.PublicKeyPem,
            Method = method,
            Path = path,
            Query = query,
            Data = data,
        });

    /// <summary>Whether <paramref name="authorization"/> signs this request for the merchant's key, by the library's <c>Rsa.verify</c>.</summary>
    public static Task<AuthorizationCheck> VerifyAuthorizationAsync(string authorization, string method, string url, string body) =>
        Script.RunAsync<AuthorizationCheck>(new
        {
            Operation = "verifyAuthorization",
            Authorization = authorization,
            Method = method,
            Url = url,
            Body = body,
            PublicKey = WeChatPayTestAccount.Merchant.PublicKeyPem,
        });

    /// <summary>A payment callback the library encrypts (<c>Aes.AesGcm.encrypt</c>) and signs (<c>Rsa.sign</c>) at <paramref name="signedAt"/>.</summary>
    public static async Task<NotificationRequest> CallbackAsync(string transactionJson, DateTimeOffset signedAt, RsaKeyPair? signer = null)
    {
        var callback = await Script.RunAsync<LibraryCallback>(new
        {
            Operation = "callback",
            Transaction = transactionJson,
            ApiV3Key = WeChatPayTestAccount.ApiV3Key,
            PlatformPrivateKey = (signer ?? WeChatPayTestAccount.Platform).PrivateKeyPem,
            Serial = WeChatPayTestAccount.PlatformPublicKeyId,
            Timestamp = signedAt.ToUnixTimeSeconds(),
        });
        return new NotificationRequest(callback.Body, callback.Headers);
    }

    private sealed record LibraryCallback(string Body, Dictionary<string, string> Headers);
}

/// <param name="Status">The HTTP status; 0 when the library gave up before one.</param>
/// <param name="Error">Set when the library refused the answer (e.g. its signature) or the call failed.</param>
internal sealed record LibraryAnswer(int Status, JsonElement? Data, string? Error);

internal sealed record AuthorizationCheck(bool Valid, Dictionary<string, string> Fields);
