using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
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

    public static IServiceCollection AddOrderCloseTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithMetrics(metrics => metrics.AddMeter(OrderMetrics.MeterName));
        if (!string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]))
        {
            var entraId = configuration[AuthenticationSetting]?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true;
            telemetry.UseAzureMonitorExporter(exporter =>
            {
                if (entraId)
                {
                    exporter.Credential = new DefaultAzureCredential();
                }
            });
        }
        return services;
    }
}
