using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Orders;
using OrderClose.Tests.Payments.Alipay;

namespace OrderClose.Tests.Interop.Alipay;

/// <summary>The payment start's Alipay URL against Alipay's official Node SDK: the SDK, given the same inputs, signs the same request.</summary>
public sealed class AlipaySdkPaymentUrlTests
{
    [Theory]
    [InlineData("page", "alipay.trade.page.pay", "https://shop.test/orders/T1?from=alipay")]
    [InlineData("wap", "alipay.trade.wap.pay", null)]
    public async Task The_pay_url_carries_exactly_the_parameters_and_signature_the_sdk_makes(string channel, string method, string? returnUrl)
    {
        using var services = AlipayServices.Build();
        var order = TestOrders.New("T-2026_订单-1", new DateTimeOffset(2026, 11, 28, 16, 30, 0, TimeSpan.Zero)) with
        {
            Amount = new Money(123456, "CNY"),
            Subject = "绿茶 Green tea & \"cups\"",
        };
        var start = await services.GetRequiredService<IPaymentProvider>().StartPaymentAsync(
            new PaymentStartRequest(order, channel, returnUrl is null ? null : new Uri(returnUrl), order.PayDeadline), CancellationToken.None);
        var sent = QueryHelpers.ParseQuery(start.Url.Query).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var bizContent = JsonDocument.Parse(sent["biz_content"]).RootElement.EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!)).ToList();
        var parameters = new Dictionary<string, string> { ["notifyUrl"] = sent["notify_url"] };
        if (returnUrl is not null)
        {
            parameters["returnUrl"] = returnUrl;
        }

        var sdk = await AlipaySdk.SignAsync(method, sent["timestamp"], bizContent, parameters);

        Assert.Equal(sdk.OrderBy(p => p.Key, StringComparer.Ordinal), sent.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(["out_trade_no", "total_amount", "subject", "product_code", "time_expire"], bizContent.Select(p => p.Key));
    }
}
