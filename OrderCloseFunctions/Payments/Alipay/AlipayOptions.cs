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

    /// <summary>
    /// Public key mode: Alipay's RSA public key, PEM, or bare base64 SubjectPublicKeyInfo as the Alipay console shows it.
    /// Empty in certificate mode.
    /// </summary>
    public string AlipayPublicKey { get; set; } = "";

    /// <summary>Certificate mode (公钥证书): the app's public-key certificate (<c>appCertPublicKey_*.crt</c>), PEM.</summary>
    public string AppCertificate { get; set; } = "";

    /// <summary>Certificate mode: Alipay's public-key certificate (<c>alipayCertPublicKey_RSA2.crt</c>), PEM; its key verifies Alipay.</summary>
    public string AlipayPublicCertificate { get; set; } = "";

    /// <summary>Certificate mode: Alipay's root certificates (<c>alipayRootCert.crt</c>), PEM, several in one text.</summary>
    public string AlipayRootCertificate { get; set; } = "";

    /// <summary>Certificate mode is on when any of its three settings is given.</summary>
    public bool UsesCertificates =>
        !string.IsNullOrWhiteSpace(AppCertificate) || !string.IsNullOrWhiteSpace(AlipayPublicCertificate) || !string.IsNullOrWhiteSpace(AlipayRootCertificate);

    /// <summary>
    /// Callbacks whose <c>notify_time</c> is older are refused as replays. Alipay sends a callback again for about 25 hours
    /// (4 m, 10 m, 10 m, 1 h, 2 h, 6 h, 15 h) until it is accepted, so the default leaves room above that.
    /// </summary>
    public TimeSpan NotificationMaxAge { get; set; } = TimeSpan.FromHours(30);

    /// <summary>How far in the future a callback's <c>notify_time</c> may be: clocks differ a little.</summary>
    public TimeSpan NotificationClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
