using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Payments.Alipay;
using OrderClose.Payments.WeChatPay;

namespace OrderClose.Payments;

public static class PaymentProviderRegistration
{
    /// <summary>
    /// Adds each provider that has settings (Alipay, WeChat Pay, or both). One without any setting is absent: its
    /// pay type is refused at CreateOrder. One with some settings is on, and start-up names what it still lacks.
    /// </summary>
    public static IServiceCollection AddConfiguredPaymentProviders(this IServiceCollection services, IConfiguration configuration)
    {
        if (HasSettings(configuration.GetSection(AlipayOptions.Section)))
        {
            services.AddAlipay(configuration);
        }
        if (HasSettings(configuration.GetSection(WeChatPayOptions.Section)))
        {
            services.AddWeChatPay(configuration);
        }
        return services;
    }

    private static bool HasSettings(IConfigurationSection section) =>
        section.AsEnumerable(makePathsRelative: true).Any(setting => !string.IsNullOrWhiteSpace(setting.Value));
}
