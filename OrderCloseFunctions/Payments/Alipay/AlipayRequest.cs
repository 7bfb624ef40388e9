namespace OrderClose.Payments.Alipay;

/// <summary>The parameters every Alipay open API request carries, signed or sent as a URL alike.</summary>
internal static class AlipayRequest
{
    /// <param name="certificates">In certificate mode, <c>app_cert_sn</c> and <c>alipay_root_cert_sn</c>.</param>
    public static Dictionary<string, string> Common(AlipayOptions options, AlipayCertificateParameters certificates, string method, DateTimeOffset now)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app_id"] = options.AppId,
            ["method"] = method,
            ["format"] = "JSON",
            ["charset"] = "utf-8",
            ["sign_type"] = AlipaySigner.SignType,
            ["timestamp"] = ChinaTime.Format(now),
            ["version"] = "1.0",
        };
        foreach (var (name, value) in certificates.Values)
        {
            parameters[name] = value;
        }
        return parameters;
    }
}
