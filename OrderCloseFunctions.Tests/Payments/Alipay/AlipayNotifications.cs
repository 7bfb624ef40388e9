using Microsoft.Extensions.DependencyInjection;
using OrderClose.Orders.Ports;
using OrderClose.Payments.Alipay;
using OrderClose.Stubs;

namespace OrderClose.Tests.Payments.Alipay;

/// <summary>Alipay notifications as Alipay sends them, signed with the test keys, and the real provider's reading of them.</summary>
internal static class AlipayNotifications
{
    public static PaymentNotification? Verify(string body)
    {
        using var services = AlipayServices.Build();
        return services.GetRequiredService<IPaymentProvider>().Verify(new NotificationRequest(body, new Dictionary<string, string>
        {
            ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8",
        }));
    }

    /// <summary>A TRADE_SUCCESS notification as Alipay sends it, before signing; <paramref name="changes"/> override fields.</summary>
    public static Dictionary<string, string> Notification(params (string Field, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["notify_time"] = "2024-05-02 00:30:06",
            ["notify_type"] = "trade_status_sync",
            ["notify_id"] = "ac05099524730693a8b330c5ecf72da9786",
            ["app_id"] = AlipayServices.AppId,
            ["charset"] = "utf-8",
            ["version"] = "1.0",
            ["sign_type"] = "RSA2",
            ["trade_no"] = "2024050222001456",
            ["out_trade_no"] = "T-2024 订单&1",
            ["buyer_logon_id"] = "159****5620",
            ["buyer_id"] = "2088102177846880",
            ["subject"] = "测试商品 a+b=c",
            ["total_amount"] = "19.99",
            ["receipt_amount"] = "19.99",
            ["trade_status"] = "TRADE_SUCCESS",
            ["gmt_create"] = "2024-05-02 00:29:41",
            ["gmt_payment"] = "2024-05-02 00:30:05",
            ["fund_bill_list"] = """[{"amount":"19.99","fundChannel":"ALIPAYACCOUNT"}]""",
        };
        foreach (var (field, value) in changes)
        {
            fields[field] = value;
        }
        return fields;
    }

    /// <summary>The form body with its signature, by Alipay unless <paramref name="signedBy"/> says otherwise.</summary>
    public static string SignedBody(Dictionary<string, string> fields, RsaKeyPair? signedBy = null) =>
        Encoded(fields.Append(new("sign", Sign(fields, signedBy ?? TestKeys.Alipay))));

    /// <summary>Alipay's notification signature: over all fields but sign and sign_type, empty ones too.</summary>
    public static string Sign(IEnumerable<KeyValuePair<string, string>> fields, RsaKeyPair signedBy) =>
        SignString(AlipaySigner.NotificationString(fields, "sign", "sign_type"), signedBy);

    public static string SignString(string content, RsaKeyPair signedBy)
    {
        using var signer = new AlipaySigner(signedBy.PrivateKey(), signedBy.PublicKey());
        return signer.Sign(content);
    }

    public static string Encoded(IEnumerable<KeyValuePair<string, string>> fields) =>
        new FormUrlEncodedContent(fields).ReadAsStringAsync().GetAwaiter().GetResult();
}
