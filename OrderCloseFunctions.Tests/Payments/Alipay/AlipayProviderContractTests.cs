using Microsoft.Extensions.DependencyInjection;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.Payments.Alipay;

public sealed class AlipayProviderContractTests
{
    [Fact]
    public void It_serves_the_alipay_pay_type_in_cny_only()
    {
        using var services = AlipayServices.Build();
        var provider = services.GetRequiredService<IPaymentProvider>();

        Assert.Equal("ALIPAY", provider.PayType);
        Assert.True(provider.Supports("CNY"));
        Assert.False(provider.Supports("USD"));
        Assert.False(provider.Supports("cny"));
    }

    [Theory]
    [InlineData(NotificationOutcome.Accepted, 200, "success")]
    [InlineData(NotificationOutcome.NotAuthentic, 401, "failure")]
    [InlineData(NotificationOutcome.UnknownOrder, 404, "failure")]
    [InlineData(NotificationOutcome.AmountMismatch, 422, "failure")]
    [InlineData(NotificationOutcome.Unavailable, 503, "failure")]
    public void It_answers_a_callback_as_alipay_expects(NotificationOutcome outcome, int status, string body)
    {
        using var services = AlipayServices.Build();

        Assert.Equal(new NotificationReply(status, body, "text/plain"), services.GetRequiredService<IPaymentProvider>().Reply(outcome));
    }

    [Fact]
    public void It_sets_no_minimum_payment_timeout_of_its_own()
    {
        using var services = AlipayServices.Build();

        Assert.Equal(TimeSpan.Zero, services.GetRequiredService<IPaymentProvider>().MinPaymentTimeout);
    }
}
