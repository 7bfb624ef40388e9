using OrderClose.Tests.Payments.Alipay;

namespace OrderClose.Tests.Payments.WeChatPay;

/// <summary>A merchant account and WeChat Pay's side of it, with keys made once per test run, never committed.</summary>
internal static class WeChatPayTestAccount
{
    public const string MchId = "1900000001";
    public const string AppId = "wxd678efh567hg6787";
    public const string MerchantSerialNo = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    public const string PlatformPublicKeyId = "PUB_KEY_ID_0119000000012024050200000000000001";
    public const string ApiV3Key = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6";

    /// <summary>The merchant's API key pair: the app signs requests with its private key.</summary>
    public static readonly TestKeyPair Merchant = TestKeyPair.Generate();

    /// <summary>WeChat Pay's key pair: the stub signs answers and callbacks with its private key.</summary>
    public static readonly TestKeyPair Platform = TestKeyPair.Generate();

    /// <summary>Nobody the app or the stub trusts.</summary>
    public static readonly TestKeyPair Stranger = TestKeyPair.Generate();

    /// <summary>The settings of the account, as <c>WeChatPay:*</c> configuration keys.</summary>
    public static Dictionary<string, string?> Settings(Uri baseUrl) => new()
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
