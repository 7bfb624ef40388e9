using Microsoft.Extensions.Http.Resilience;
using OrderClose.LocalRunner.Hosting;
using OrderClose.LocalRunner.Storage;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Events;

public static class LocalEventsRegistration
{
    public const string DatabaseKey = "events";

    /// <summary>
    /// Order events to the local topic in <c>events.db</c> in the data folder (or in memory), and, with
    /// <c>--Events:WebhookUrl</c>, delivered from there to a webhook, signed under the data folder's webhook key.
    /// </summary>
    public static IServiceCollection AddLocalEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKeyedSingleton(DatabaseKey, (provider, _) => SqliteDatabase.Open(
            provider.GetRequiredService<DataLocation>().File("events.db"), DatabaseKey, SqliteEventTopic.Schema + WebhookCursor.Schema + SqliteKeys.Schema));
        services.AddSingleton<TopicAppended>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<SqliteEventTopic>(
            provider, provider.GetRequiredKeyedService<SqliteDatabase>(DatabaseKey)));
        services.AddSingleton<IOrderEventPublisher, LocalOrderEventPublisher>();

        var section = configuration.GetSection(WebhookOptions.Section);
        services.AddOptions<WebhookOptions>()
            .Bind(section)
            .Validate(options => options.WebhookUrl is null or { IsAbsoluteUri: true, Scheme: "http" or "https" },
                "Events:WebhookUrl must be an absolute http or https URL.")
            .Validate(options => options.WebhookRetryDelay > TimeSpan.Zero && options.WebhookMaxRetryDelay >= options.WebhookRetryDelay,
                "Events:WebhookRetryDelay must be positive and at most Events:WebhookMaxRetryDelay.")
            .ValidateOnStart();
        services.AddSingleton(provider => new WebhookSignature(
            SqliteKeys.GetOrMakeAsync(provider.GetRequiredKeyedService<SqliteDatabase>(DatabaseKey), "webhook_key").GetAwaiter().GetResult()));
        services.AddSingleton(provider => new WebhookCursor(provider.GetRequiredKeyedService<SqliteDatabase>(DatabaseKey)));
        if (section[nameof(WebhookOptions.WebhookUrl)] is { Length: > 0 })
        {
            // Each failed try is retried by the delivery loop, from the cursor; the handler adds timeouts and a circuit breaker.
            var resilience = services.AddHttpClient<WebhookSender>()
                .AddStandardResilienceHandler(options => section.GetSection("WebhookResilience").Bind(options));
            services.AddOptions<HttpStandardResilienceOptions>(resilience.PipelineName).ValidateOnStart();
            services.AddHostedService<WebhookDelivery>();
        }
        return services;
    }
}
