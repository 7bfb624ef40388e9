using System.Security.Cryptography;

namespace OrderClose.Stubs.WeChatPay;

/// <summary>
/// A merchant's WeChat Pay account and WeChat Pay's side of it, as the stub knows them: the ids, the merchant's API key
/// pair (the app signs its requests with the private key), WeChat Pay's key pair (the stub signs its answers and
/// callbacks with the private key) and the APIv3 key that encrypts the callbacks.
/// </summary>
public sealed record WeChatPayStubAccount(
    string MchId,
    string AppId,
    string MerchantSerialNo,
    string PlatformPublicKeyId,
    string ApiV3Key,
    RsaKeyPair Merchant,
    RsaKeyPair Platform)
{
    /// <summary>An account with made-up ids and keys made now, never committed.</summary>
    public static WeChatPayStubAccount Generate() => new(
        "1900000001",
        "wxd678efh567hg6787",
        "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
        "PUB_KEY_ID_0119000000012024050200000000000001",
        RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32),
        RsaKeyPair.Generate(),
        RsaKeyPair.Generate());

    /// <summary>The app's settings for this account (<c>WeChatPay:*</c> configuration keys), calling WeChat Pay at <paramref name="baseUrl"/>.</summary>
    public Dictionary<string, string?> Settings(Uri baseUrl) => new()
    {
        ["WeChatPay:MchId"] = MchId,
        ["WeChatPay:AppId"] = AppId,
        ["WeChatPay:MerchantSerialNo"] = MerchantSerialNo,
        ["WeChatPay:MerchantPrivateKey"] = Merchant.PrivateKeyPem,
        ["WeChatPay:ApiV3Key"] = ApiV3Key,
        ["WeChatPay:PlatformPublicKeyId"] = PlatformPublicKeyId,
        ["WeChatPay:PlatformPublicKey"] = Platform.PublicKeyPem,
        ["WeChatPay:BaseUrl"] = baseUrl.ToString(),
    };
}
