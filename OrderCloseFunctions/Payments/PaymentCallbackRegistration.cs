using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrderClose.Payments;

public static class PaymentCallbackRegistration
{
    /// <summary>Needed by every provider that calls back; the setting is required and checked at start-up.</summary>
    public static IServiceCollection AddPaymentCallbacks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentCallbackOptions>()
            .Bind(configuration.GetSection(PaymentCallbackOptions.Section))
            .Validate(options => PaymentCallbacks.IsAllowed(options.PublicBaseUrl),
                $"{PaymentCallbackOptions.Section}:{nameof(PaymentCallbackOptions.PublicBaseUrl)} is required: the absolute https URL providers reach this app at (http only for loopback), without query or fragment.")
            .ValidateOnStart();
        services.TryAddSingleton<PaymentCallbacks>();
        return services;
    }
}
