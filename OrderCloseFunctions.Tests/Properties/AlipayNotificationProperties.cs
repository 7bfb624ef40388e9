using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Payments.Alipay;
using static OrderClose.Tests.Payments.Alipay.AlipayNotifications;

namespace OrderClose.Tests.Properties;

/// <summary>Whatever a callback carries, signed by Alipay or not, reading it gives null or a well-formed notification, never an exception.</summary>
public sealed class AlipayNotificationProperties
{
    private static readonly ServiceProvider Services = AlipayServices.Build();
    private static readonly IPaymentProvider Provider = Services.GetRequiredService<IPaymentProvider>();

    private static readonly Dictionary<string, Gen<string>> Fields = new()
    {
        ["out_trade_no"] = Gen.Elements("T1001", "", " ", "订单&=%"),
        ["total_amount"] = Gen.Elements("19.99", "0.01", "0", "-1", "1e3", "19.999", ".5", "5.", "79228162514264337593543950335", "7922816251426433759354395033", "92233720368547758.07", "92233720368547758.08", ""),
        ["trade_status"] = Gen.Elements("TRADE_SUCCESS", "TRADE_FINISHED", "WAIT_BUYER_PAY", "TRADE_CLOSED", "", "trade_success"),
        ["gmt_payment"] = Gen.Elements("2024-05-02 00:30:05", "2024-02-30 00:00:00", "0001-01-01 00:00:00", "9999-12-31 23:59:59", "2024-05-02T00:30:05", ""),
        ["notify_time"] = Gen.Elements("2024-05-02 00:30:06", "2024-04-30 00:30:06", "2024-05-02 01:30:06", "0001-01-01 00:00:00", "9999-12-31 23:59:59", "now", ""),
        ["app_id"] = Gen.Elements(AlipayServices.AppId, AlipayServices.AppId, "2021000000000999", ""),
    };

    [Property(MaxTest = 300)]
    public Property Any_body_reads_as_null_or_a_notification() =>
        Prop.ForAll(Gen.OneOf(Jsonish.AnyString, Gen.Elements("sign=x&sign_type=RSA2", "a=1&a=2", "%", "&&=", "sign_type=RSA2&sign=%ZZ")).ToArbitrary(),
            body => WellFormed(Read(body)));

    [Property(MaxTest = 300)]
    public Property Any_signed_field_values_read_as_null_or_a_well_formed_notification() =>
        Prop.ForAll(Gen.Zip(Gen.CollectToArray(Fields.Select(f => f.Value.Select(v => (f.Key, v)))), Jsonish.AnyString, (changes, text) => (changes, text)).ToArbitrary(), sample =>
        {
            var (changes, anyText) = sample;
            var fields = Notification([.. changes, ("subject", anyText)]);
            return WellFormed(Read(SignedBody(fields)));
        });

    private static PaymentNotification? Read(string body) =>
        Provider.Verify(new NotificationRequest(body, new Dictionary<string, string>()));

    private static Property WellFormed(PaymentNotification? notification) =>
        (notification is null || (notification.OutTradeNo.Length > 0 && notification.AmountMinorUnits is null or >= 0))
            .Label($"{notification}");
}
