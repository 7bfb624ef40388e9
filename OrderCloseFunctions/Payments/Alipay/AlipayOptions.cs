namespace OrderClose.Payments.Alipay;

/// <summary>
/// The merchant's Alipay application. App settings <c>Alipay__AppId</c>, <c>Alipay__AppPrivateKey</c> etc.;
/// the HTTP resilience of the gateway calls comes from <c>Alipay__Resilience__*</c> (see <see cref="AlipayRegistration"/>).
/// </summary>
public sealed class AlipayOptions
{
    public const string Section = "Alipay";

    public string AppId { get; set; } = "";

    public Uri GatewayUrl { get; set; } = new("https://openapi.alipay.com/gateway.do");

    /// <summary>The merchant's RSA private key: PEM, or the bare base64 PKCS#1 or PKCS#8 that Alipay's key tool prints.</summary>
    public string AppPrivateKey { get; set; } = "";

    /// <summary>Alipay's RSA public key: PEM, or bare base64 SubjectPublicKeyInfo as the Alipay console shows it.</summary>
    public string AlipayPublicKey { get; set; } = "";

    /// <summary>
    /// Callbacks whose <c>notify_time</c> is older are refused as replays. Alipay sends a callback again for about 25 hours
    /// (4 m, 10 m, 10 m, 1 h, 2 h, 6 h, 15 h) until it is accepted, so the default leaves room above that.
    /// </summary>
    public TimeSpan NotificationMaxAge { get; set; } = TimeSpan.FromHours(30);

    /// <summary>How far in the future a callback's <c>notify_time</c> may be: clocks differ a little.</summary>
    public TimeSpan NotificationClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
