using Microsoft.Extensions.DependencyInjection;
using OrderClose.Orders.Ports;
using OrderClose.Payments.Alipay;

using static OrderClose.Tests.Payments.Alipay.AlipayNotifications;

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

    [Theory]
    [InlineData("passback_params")]
    [InlineData("body")]
    public void A_notification_with_an_empty_field_is_read(string emptyField)
    {
        Assert.NotNull(Verify(SignedBody(Notification((emptyField, "")))));
    }

    [Fact]
    public void An_empty_field_is_signed_as_such_so_it_cannot_be_added_after_signing()
    {
        var fields = Notification();
        var sign = Sign(fields, TestKeys.Alipay);
        fields["passback_params"] = "";

        Assert.Null(Verify(Encoded(fields.Append(new("sign", sign)))));
    }

    [Fact]
    public void A_notification_without_sign_type_is_read_as_rsa2()
    {
        var fields = Notification();
        fields.Remove("sign_type");

        Assert.NotNull(Verify(SignedBody(fields)));
    }

    [Fact]
    public void A_notification_with_an_empty_sign_type_is_read_as_rsa2()
    {
        Assert.NotNull(Verify(SignedBody(Notification(("sign_type", "")))));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_signature_that_covers_sign_type_rsa2_is_accepted_whether_the_field_is_sent_or_not(bool sent)
    {
        var fields = Notification();
        var sign = SignString(AlipaySigner.NotificationString(fields, "sign"), TestKeys.Alipay);
        if (!sent)
        {
            fields.Remove("sign_type");
        }

        Assert.NotNull(Verify(Encoded(fields.Append(new("sign", sign)))));
    }

    [Theory]
    [InlineData("RSA")]
    [InlineData("rsa2")]
    [InlineData("SM2")]
    public void A_notification_that_declares_another_sign_type_is_refused_even_if_its_rsa2_signature_is_valid(string signType)
    {
        Assert.Null(Verify(SignedBody(Notification(("sign_type", signType)))));
    }

    [Fact]
    public void A_notification_signed_by_anyone_but_alipay_is_not_authentic()
    {
        Assert.Null(Verify(SignedBody(Notification(), TestKeys.Stranger)));
    }

    [Theory]
    [InlineData("2024-05-01 00:30:00", true)]  // 24 h old: Alipay still retrying
    [InlineData("2024-04-30 18:30:01", true)]  // just inside 30 h
    [InlineData("2024-04-30 18:29:59", false)] // just past 30 h: a replay
    [InlineData("2024-05-02 00:35:00", true)]  // 5 minutes ahead: clock skew
    [InlineData("2024-05-02 00:35:01", false)] // further ahead
    [InlineData("", false)]
    [InlineData("yesterday", false)]
    public void Only_a_notification_sent_within_the_replay_window_is_read(string notifyTime, bool read)
    {
        Assert.Equal(read, Verify(SignedBody(Notification(("notify_time", notifyTime)))) is not null);
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
    [InlineData("79228162514264337593543950335")]
    [InlineData("92233720368547758.08")]
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
}
