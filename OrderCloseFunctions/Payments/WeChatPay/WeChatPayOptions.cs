namespace OrderClose.Payments.WeChatPay;

/// <summary>
/// The merchant's WeChat Pay (API v3) account. App settings <c>WeChatPay__MchId</c>, <c>WeChatPay__MerchantPrivateKey</c>
/// etc.; the HTTP resilience of the API calls comes from <c>WeChatPay__Resilience__*</c>. WeChat Pay's answers and callbacks
/// are verified with its public key (<see cref="PlatformPublicKeyId"/> and <see cref="PlatformPublicKey"/>), or with its
/// platform certificate (<see cref="PlatformCertificate"/>), or either while a merchant moves from one to the other.
/// </summary>
public sealed class WeChatPayOptions
{
    public const string Section = "WeChatPay";

    /// <summary>The merchant id (<c>mchid</c>).</summary>
    public string MchId { get; set; } = "";

    /// <summary>The app id (<c>appid</c>) bound to the merchant; callbacks for another app are refused.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The serial number of the merchant API certificate whose private key signs the requests.</summary>
    public string MerchantSerialNo { get; set; } = "";

    /// <summary>The merchant API private key (<c>apiclient_key.pem</c>): PEM, or the bare base64 of PKCS#8 or PKCS#1.</summary>
    public string MerchantPrivateKey { get; set; } = "";

    /// <summary>The APIv3 key: 32 characters, the AES-256-GCM key of the callbacks' encrypted <c>resource</c>.</summary>
    public string ApiV3Key { get; set; } = "";

    /// <summary>The id of WeChat Pay's public key (<c>PUB_KEY_ID_…</c>): the <c>Wechatpay-Serial</c> of what it signs with that key.</summary>
    public string PlatformPublicKeyId { get; set; } = "";

    /// <summary>WeChat Pay's public key: PEM, or the bare base64 SubjectPublicKeyInfo.</summary>
    public string PlatformPublicKey { get; set; } = "";

    /// <summary>Platform certificate mode: WeChat Pay's platform certificate (PEM); its serial number is the <c>Wechatpay-Serial</c>.</summary>
    public string PlatformCertificate { get; set; } = "";

    public Uri BaseUrl { get; set; } = new("https://api.mch.weixin.qq.com/");

    /// <summary>
    /// How far the <c>Wechatpay-Timestamp</c> of a signed answer or callback may lie from this clock, either way; older
    /// ones are refused as replays. WeChat Pay's own SDKs allow 5 minutes; each callback it sends again is signed anew.
    /// </summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The shortest payment timeout of a WECHATPAY order. WeChat Pay asks merchants not to close an order within
    /// 5 minutes of placing it; only tests against a stub should lower it.
    /// </summary>
    public TimeSpan MinPaymentTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
