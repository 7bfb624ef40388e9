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
    [InlineData(true, "success")]
    [InlineData(false, "failure")]
    public void It_answers_a_callback_as_alipay_expects(bool accepted, string body)
    {
        using var services = AlipayServices.Build();

        Assert.Equal(new NotificationReply(body, "text/plain"), services.GetRequiredService<IPaymentProvider>().Reply(accepted));
    }
}
