using Microsoft.Extensions.DependencyInjection;
using OrderClose.Orders.Ports;
using OrderClose.Payments.Alipay;

namespace OrderClose.Tests.Payments.Alipay;

public sealed class AlipayNotificationTests
{
    [Fact]
    public void A_paid_notification_is_read()
    {
        var notification = Verify(SignedBody(Notification()));

        Assert.Equal(new PaymentNotification(
            OutTradeNo: "T-2024 订单&1",
            Paid: true,
            AmountMinorUnits: 1999,
            PaidAt: new DateTimeOffset(2024, 5, 1, 16, 30, 5, TimeSpan.Zero),
            ProviderTradeNo: "2024050222001456"), notification);
    }

    [Theory]
    [InlineData("TRADE_FINISHED", true)]
    [InlineData("WAIT_BUYER_PAY", false)]
    [InlineData("TRADE_CLOSED", false)]
    public void Paid_follows_the_trade_status(string tradeStatus, bool paid)
    {
        var notification = Verify(SignedBody(Notification(("trade_status", tradeStatus))));

        Assert.Equal(paid, notification?.Paid);
    }

    [Theory]
    [InlineData("total_amount", "0.01")]
    [InlineData("trade_status", "TRADE_SUCCESS_")]
    [InlineData("out_trade_no", "T-OTHER")]
    public void A_field_changed_after_signing_is_not_authentic(string field, string value)
    {
        var fields = Notification();
        var sign = Sign(fields, TestKeys.Alipay);
        fields[field] = value;

        Assert.Null(Verify(Encoded(fields.Append(new("sign", sign)))));
    }

    [Fact]
    public void A_notification_signed_by_anyone_but_alipay_is_not_authentic()
    {
        Assert.Null(Verify(SignedBody(Notification(), TestKeys.Stranger)));
    }

    [Fact]
    public void A_notification_for_another_app_is_refused()
    {
        Assert.Null(Verify(SignedBody(Notification(("app_id", "2021000000000999")))));
    }

    [Theory]
    [InlineData("19.999")]
    [InlineData("-19.99")]
    [InlineData("19,99")]
    public void A_notification_with_an_inexact_amount_is_refused(string amount)
    {
        Assert.Null(Verify(SignedBody(Notification(("total_amount", amount)))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"trade_status\":\"TRADE_SUCCESS\"}")]
    [InlineData("%%%&&==sign=%ZZ")]
    [InlineData("sign=bm90IGEgc2lnbmF0dXJl&sign_type=RSA2&out_trade_no=T1&trade_status=TRADE_SUCCESS")]
    public void A_body_that_is_no_signed_alipay_form_is_refused(string body)
    {
        Assert.Null(Verify(body));
    }

    [Fact]
    public void A_signed_field_sent_twice_is_refused()
    {
        Assert.Null(Verify(SignedBody(Notification()) + "&trade_status=TRADE_SUCCESS"));
    }

    private static PaymentNotification? Verify(string body)
    {
        using var services = AlipayServices.Build();
        return services.GetRequiredService<IPaymentProvider>().Verify(new NotificationRequest(body, new Dictionary<string, string>
        {
            ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8",
        }));
    }

    /// <summary>A TRADE_SUCCESS notification as Alipay sends it, before signing; <paramref name="changes"/> override fields.</summary>
    private static Dictionary<string, string> Notification(params (string Field, string Value)[] changes)
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
    private static string SignedBody(Dictionary<string, string> fields, TestKeyPair? signedBy = null) =>
        Encoded(fields.Append(new("sign", Sign(fields, signedBy ?? TestKeys.Alipay))));

    /// <summary>Alipay's notification signature: over all fields but sign and sign_type.</summary>
    private static string Sign(IEnumerable<KeyValuePair<string, string>> fields, TestKeyPair signedBy)
    {
        using var signer = new AlipaySigner(signedBy.PrivateKey(), signedBy.PublicKey());
        return signer.Sign(AlipaySigner.CanonicalString(fields, "sign", "sign_type"));
    }

    private static string Encoded(IEnumerable<KeyValuePair<string, string>> fields) =>
        new FormUrlEncodedContent(fields).ReadAsStringAsync().GetAwaiter().GetResult();
}
