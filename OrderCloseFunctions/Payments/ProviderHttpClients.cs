using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace OrderClose.Payments;

internal static class ProviderHttpClients
{
    public const string ResilienceSection = "Resilience";

    /// <summary>
    /// A typed client for a provider's gateway behind the standard resilience handler (total and attempt timeouts,
    /// retries with jitter, circuit breaker), tuned by <c>{section}:Resilience</c>, e.g.
    /// <c>Alipay__Resilience__Retry__MaxRetryAttempts</c>. Only for calls that are safe to repeat.
    /// </summary>
    public static IHttpClientBuilder AddProviderHttpClient<TClient>(this IServiceCollection services, IConfigurationSection section)
        where TClient : class
    {
        var client = services.AddHttpClient<TClient>();
        // Bound, not passed as a section: the section overload refuses an absent section, and the defaults should apply then.
        var resilience = client.AddStandardResilienceHandler(options => section.GetSection(ResilienceSection).Bind(options));
        // The library validates these options on the first request; a bad setting should stop the start instead.
        services.AddOptions<HttpStandardResilienceOptions>(resilience.PipelineName).ValidateOnStart();
        return client;
    }
}
