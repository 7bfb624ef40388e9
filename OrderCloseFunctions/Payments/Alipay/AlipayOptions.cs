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
}
