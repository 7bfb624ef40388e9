using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrderClose.Orders.Ports;

namespace OrderClose.Payments.Alipay;

public static class AlipayRegistration
{
    /// <summary>
    /// Adds the Alipay provider. Its options (section <c>Alipay</c>) are validated at start-up; its gateway calls go
    /// through the standard resilience handler (total and attempt timeouts, retries with jitter, circuit breaker),
    /// tuned by the section <c>Alipay:Resilience</c>, e.g. <c>Alipay__Resilience__Retry__MaxRetryAttempts</c>.
    /// Both calls (trade query and close) are idempotent, so retrying their POST is safe. Needs a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddAlipay(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AlipayOptions.Section);
        services.AddOptions<AlipayOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlipayOptions>, AlipayOptionsValidator>());

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AlipayOptions>>().Value;
            return new AlipaySigner(
                signingKey: RsaKeys.ImportPrivateKey(options.AppPrivateKey),
                verifyingKey: RsaKeys.ImportPublicKey(options.AlipayPublicKey));
        });
        services.TryAddSingleton<AlipayNotificationReader>();
        services.AddPaymentCallbacks(configuration);
        services.TryAddSingleton<AlipayPaymentUrls>();
        services.AddProviderHttpClient<AlipayGatewayClient>(section);
        services.AddTransient<IPaymentProvider, AlipayProvider>();
        return services;
    }
}
