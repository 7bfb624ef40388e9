namespace OrderClose.Payments.Alipay;

/// <summary>The parameters every Alipay open API request carries, signed or sent as a URL alike.</summary>
internal static class AlipayRequest
{
    public static Dictionary<string, string> Common(AlipayOptions options, string method, DateTimeOffset now) =>
        new(StringComparer.Ordinal)
        {
            ["app_id"] = options.AppId,
            ["method"] = method,
            ["format"] = "JSON",
            ["charset"] = "utf-8",
            ["sign_type"] = AlipaySigner.SignType,
            ["timestamp"] = ChinaTime.Format(now),
            ["version"] = "1.0",
        };
}
