using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrderClose.Orders.Ports;

namespace OrderClose.Payments.WeChatPay;

public static class WeChatPayRegistration
{
    /// <summary>
    /// Adds the WeChat Pay provider (pay type WECHATPAY). Its options (section <c>WeChatPay</c>) are validated at
    /// start-up; its API calls go through the standard resilience handler, tuned by <c>WeChatPay:Resilience</c>, and
    /// are signed per attempt inside it. Query (GET), close and the Native order (POSTs WeChat Pay takes again for the
    /// same trade) are safe to retry. Needs a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddWeChatPay(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WeChatPayOptions.Section);
        services.AddOptions<WeChatPayOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeChatPayOptions>, WeChatPayOptionsValidator>());

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<WeChatPayOptions>>();
            return new WeChatPayMerchantSigner(RsaKeys.ImportPrivateKey(options.Value.MerchantPrivateKey), options, provider.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<WeChatPayOptions>>();
            return new WeChatPayPlatformVerifier(WeChatPayPlatformKeys.From(options.Value), options, provider.GetRequiredService<TimeProvider>());
        });
        services.AddPaymentCallbacks(configuration);
        services.TryAddSingleton<WeChatPayResourceCipher>();
        services.TryAddSingleton<WeChatPayNotificationReader>();
        services.TryAddTransient<WeChatPaySigningHandler>();
        services.AddProviderHttpClient<WeChatPayApiClient>(section)
            .ConfigureHttpClient(client =>
            {
                // WeChat Pay refuses a request without a User-Agent.
                client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("OrderClose", "1.0"));
                client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            })
            .AddHttpMessageHandler<WeChatPaySigningHandler>();
        services.AddTransient<IPaymentProvider, WeChatPayProvider>();
        return services;
    }
}
