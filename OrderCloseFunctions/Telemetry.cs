using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OrderClose.Orders;

namespace OrderClose;

/// <summary>
/// Logs, traces and the <see cref="OrderMetrics"/> meter through OpenTelemetry with the Functions worker's
/// defaults (host.json <c>telemetryMode</c>: OpenTelemetry), exported to Application Insights where the app
/// has a connection string for it.
/// </summary>
public static class Telemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The host's convention: <c>Authorization=AAD</c> means the resource takes only Entra ID-authenticated telemetry.</summary>
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The Azure SDKs make their ActivitySource spans only behind this switch (their conventions are not final); they read it once.</summary>
    public const string AzureSdkActivitySwitch = "Azure.Experimental.EnableActivitySource";

    /// <summary>The Azure SDKs' operation spans: Cosmos DB's point operations and queries, Service Bus's sends and schedules.</summary>
    public static readonly string[] AzureSdkSources = ["Azure.Cosmos.Operation", "Azure.Messaging.ServiceBus.*"];

    public static IServiceCollection AddOrderCloseTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithOrderCloseSignals();
        if (!string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]))
        {
            telemetry.UseAzureMonitorExporter();
            if (configuration[AuthenticationSetting]?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true)
            {
                // The process's one credential, as Cosmos DB's and Service Bus's clients have it: one token cache, one identity.
                services.AddAzureCredential()
                    .AddOptions<AzureMonitorExporterOptions>()
                    .Configure<TokenCredential>((exporter, credential) => exporter.Credential = credential);
            }
        }
        return services;
    }

    /// <summary>
    /// What OrderClose emits, in any host: its own spans and meter, the Azure SDKs' spans and the HTTP client's spans
    /// (the payment provider calls), so a close's trace shows the store, the provider and the settlement as children.
    /// </summary>
    public static IOpenTelemetryBuilder WithOrderCloseSignals(this IOpenTelemetryBuilder builder)
    {
        AppContext.SetSwitch(AzureSdkActivitySwitch, true);
        return builder
            .WithTracing(tracing => tracing
                .AddSource(Tracing.SourceName)
                .AddSource(AzureSdkSources)
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(OrderMetrics.MeterName));
    }
}
