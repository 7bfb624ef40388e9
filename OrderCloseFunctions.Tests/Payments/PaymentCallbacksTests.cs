using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using OrderClose.Functions;
using OrderClose.Payments;

namespace OrderClose.Tests.Payments;

public sealed class PaymentCallbacksTests
{
    [Theory]
    [InlineData("https://orderclose.example.com", "https://orderclose.example.com/api/payments/alipay/notify")]
    [InlineData("https://shop.example/orderclose/", "https://shop.example/orderclose/api/payments/alipay/notify")]
    [InlineData("https://shop.example/orderclose", "https://shop.example/orderclose/api/payments/alipay/notify")]
    public void The_notify_url_is_the_payment_notify_route_under_the_public_base_url(string baseUrl, string expected)
    {
        var callbacks = new PaymentCallbacks(Options.Create(new PaymentCallbackOptions { PublicBaseUrl = new Uri(baseUrl) }));

        Assert.Equal(expected, callbacks.NotifyUrl("ALIPAY").AbsoluteUri);
    }

    [Fact]
    public void The_notify_path_is_the_route_payment_notify_listens_on()
    {
        var trigger = typeof(PaymentNotifyFunction).GetMethod(nameof(PaymentNotifyFunction.RunAsync))!
            .GetParameters()[0].GetCustomAttribute<HttpTriggerAttribute>()!;

        Assert.Equal("api/" + trigger.Route!.Replace("{provider}", "alipay"), PaymentCallbacks.NotifyPath("ALIPAY"));
    }
}
