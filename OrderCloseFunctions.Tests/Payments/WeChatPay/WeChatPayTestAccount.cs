using OrderClose.Stubs;
using OrderClose.Stubs.WeChatPay;

namespace OrderClose.Tests.Payments.WeChatPay;

/// <summary>The merchant account the app and the stub share in the tests, with keys made once per test run, never committed.</summary>
internal static class WeChatPayTestAccount
{
    public static readonly WeChatPayStubAccount Account = WeChatPayStubAccount.Generate();

    public static string MchId => Account.MchId;
    public static string AppId => Account.AppId;
    public static string MerchantSerialNo => Account.MerchantSerialNo;
    public static string PlatformPublicKeyId => Account.PlatformPublicKeyId;
    public static string ApiV3Key => Account.ApiV3Key;

    /// <summary>The merchant's API key pair: the app signs requests with its private key.</summary>
    public static RsaKeyPair Merchant => Account.Merchant;

    /// <summary>WeChat Pay's key pair: the stub signs answers and callbacks with its private key.</summary>
    public static RsaKeyPair Platform => Account.Platform;

    /// <summary>Nobody the app or the stub trusts.</summary>
    public static readonly RsaKeyPair Stranger = RsaKeyPair.Generate();

    /// <summary>The settings of the account, as <c>WeChatPay:*</c> configuration keys.</summary>
    public static Dictionary<string, string?> Settings(Uri baseUrl) => Account.Settings(baseUrl);
}
