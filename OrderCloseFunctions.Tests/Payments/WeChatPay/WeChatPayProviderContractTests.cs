using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.Payments.WeChatPay;

public sealed class WeChatPayProviderContractTests
{
    [Fact]
    public void It_serves_the_wechatpay_pay_type_in_cny_only()
    {
        using var services = WeChatPayServices.Build();
        var provider = services.GetRequiredService<IPaymentProvider>();

        Assert.Equal("WECHATPAY", provider.PayType);
        Assert.True(provider.Supports("CNY"));
        Assert.False(provider.Supports("USD"));
    }

    [Fact]
    public void Its_orders_get_at_least_five_minutes_to_pay_unless_configured_otherwise()
    {
        using var defaults = WeChatPayServices.Build();
        using var lowered = WeChatPayServices.Build(new Dictionary<string, string?> { ["WeChatPay:MinPaymentTimeout"] = "00:00:01" });

        Assert.Equal(TimeSpan.FromMinutes(5), defaults.GetRequiredService<IPaymentProvider>().MinPaymentTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), lowered.GetRequiredService<IPaymentProvider>().MinPaymentTimeout);
    }

    [Fact]
    public void It_accepts_a_callback_with_204_and_no_body()
    {
        using var services = WeChatPayServices.Build();

        Assert.Equal(new NotificationReply(204, "", null), services.GetRequiredService<IPaymentProvider>().Reply(NotificationOutcome.Accepted));
    }

    [Theory]
    [InlineData(NotificationOutcome.NotAuthentic, 401)]
    [InlineData(NotificationOutcome.UnknownOrder, 404)]
    [InlineData(NotificationOutcome.AmountMismatch, 422)]
    [InlineData(NotificationOutcome.Unavailable, 503)]
    public void It_refuses_a_callback_with_an_error_status_and_a_fail_code(NotificationOutcome outcome, int status)
    {
        using var services = WeChatPayServices.Build();

        var reply = services.GetRequiredService<IPaymentProvider>().Reply(outcome);

        Assert.Equal((status, "application/json"), (reply.StatusCode, reply.ContentType));
        var body = JsonDocument.Parse(reply.Body).RootElement;
        Assert.Equal("FAIL", body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
    }
}
