namespace OrderClose.Payments.Alipay;

/// <summary>What certificate mode adds to every request: <c>app_cert_sn</c> and <c>alipay_root_cert_sn</c>. Nothing in public key mode.</summary>
internal sealed class AlipayCertificateParameters(IReadOnlyDictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public static AlipayCertificateParameters For(AlipayOptions options)
    {
        if (!options.UsesCertificates)
        {
            return new(new Dictionary<string, string>());
        }
        using var app = AlipayCertificates.Read(options.AppCertificate);
        var root = AlipayCertificates.ReadChain(options.AlipayRootCertificate);
        try
        {
            return new(new Dictionary<string, string>
            {
                ["app_cert_sn"] = AlipayCertificates.SerialNumberOf(app),
                ["alipay_root_cert_sn"] = AlipayCertificates.RootSerialNumberOf(root),
            });
        }
        finally
        {
            foreach (var certificate in root)
            {
                certificate.Dispose();
            }
        }
    }
}
