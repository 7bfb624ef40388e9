using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Payments.Alipay;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.Payments.Alipay;

/// <summary>The signed cashier URL the payment start hands the storefront, read back as Alipay's gateway reads it.</summary>
public sealed class AlipayPaymentUrlTests
{
    /// <summary>16:30:00.9 UTC is 00:30:00.9 the next day in China.</summary>
    private static readonly DateTimeOffset Deadline = new(2026, 11, 28, 16, 30, 0, 900, TimeSpan.Zero);

    private static readonly Order Order = TestOrders.New("T-2026 订单&1", Deadline) with { Amount = new Money(123456, "CNY") };

    [Theory]
    [InlineData("page", "alipay.trade.page.pay", "FAST_INSTANT_TRADE_PAY")]
    [InlineData("wap", "alipay.trade.wap.pay", "QUICK_WAP_WAY")]
    public async Task The_url_is_a_signed_pay_request_to_the_gateway_expiring_at_the_deadline_in_china_time(string channel, string method, string productCode)
    {
        var url = await StartAsync(channel, new Uri("https://shop.test/orders/T1?from=alipay"));

        Assert.StartsWith("https://openapi.alipay.com/gateway.do?", url.AbsoluteUri);
        var fields = Fields(url);
        Assert.True(Verify(fields), "the signature does not verify with the app's public key");
        Assert.Equal(method, fields["method"]);
        Assert.Equal(AlipayServices.AppId, fields["app_id"]);
        Assert.Equal("utf-8", fields["charset"]);
        Assert.Equal("RSA2", fields["sign_type"]);
        Assert.Equal("1.0", fields["version"]);
        Assert.Equal("2024-05-02 00:30:00", fields["timestamp"]);
        Assert.Equal($"{AlipayServices.PublicBaseUrl}/api/payments/alipay/notify", fields["notify_url"]);
        Assert.Equal("https://shop.test/orders/T1?from=alipay", fields["return_url"]);
        var biz = BizContent(fields);
        Assert.Equal("T-2026 订单&1", biz["out_trade_no"]);
        Assert.Equal("1234.56", biz["total_amount"]);
        Assert.Equal(TestOrders.Subject, biz["subject"]);
        Assert.Equal(productCode, biz["product_code"]);
        Assert.Equal("2026-11-29 00:30:00", biz["time_expire"]);
    }

    [Fact]
    public async Task Amount_and_expiry_do_not_depend_on_the_server_s_culture_or_time_zone()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var biz = BizContent(Fields(await StartAsync("page", null)));

            Assert.Equal("1234.56", biz["total_amount"]);
            Assert.Equal("2026-11-29 00:30:00", biz["time_expire"]);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task Without_a_return_url_none_is_sent_and_an_order_without_subject_is_named_by_its_number()
    {
        var fields = Fields(await StartAsync("page", null, Order with { Subject = null }));

        Assert.False(fields.ContainsKey("return_url"));
        Assert.Equal("T-2026 订单&1", BizContent(fields)["subject"]);
        Assert.True(Verify(fields));
    }

    [Fact]
    public async Task Starting_twice_gives_an_equivalent_url_for_the_same_trade()
    {
        var first = Fields(await StartAsync("wap", null));
        var second = Fields(await StartAsync("wap", null));

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("time_expire")]
    [InlineData("total_amount")]
    public async Task A_url_whose_terms_were_changed_no_longer_verifies(string field)
    {
        var fields = Fields(await StartAsync("page", null));
        var biz = BizContent(fields);
        biz[field] = field == "time_expire" ? "2026-12-31 00:00:00" : "0.01";
        fields["biz_content"] = JsonSerializer.Serialize(biz);

        Assert.False(Verify(fields));
    }

    [Fact]
    public void Alipay_offers_the_page_and_wap_channels()
    {
        using var services = AlipayServices.Build();

        Assert.Equal(["page", "wap"], services.GetRequiredService<IPaymentProvider>().Channels.Order());
    }

    private static async Task<Uri> StartAsync(string channel, Uri? returnUrl, Order? order = null)
    {
        using var services = AlipayServices.Build();
        var provider = services.GetRequiredService<IPaymentProvider>();
        order ??= Order;
        var start = await provider.StartPaymentAsync(new PaymentStartRequest(order, channel, returnUrl, order.PayDeadline), CancellationToken.None);
        Assert.Equal(PaymentUrlKind.Redirect, start.Kind);
        return start.Url;
    }

    private static Dictionary<string, string> Fields(Uri url) =>
        QueryHelpers.ParseQuery(url.Query).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);

    private static Dictionary<string, string> BizContent(Dictionary<string, string> fields) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(fields["biz_content"])!;

    /// <summary>As Alipay checks a request: RSA2 over every parameter but <c>sign</c>, with the app's public key.</summary>
    private static bool Verify(Dictionary<string, string> fields)
    {
        using var alipay = TestKeys.AlipaySide();
        return alipay.Verify(AlipaySigner.RequestString(fields, "sign"), fields["sign"]);
    }
}
