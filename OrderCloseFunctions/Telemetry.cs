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

    public static IServiceCollection AddOrderCloseTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithMetrics(metrics => metrics.AddMeter(OrderMetrics.MeterName));
        if (!string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]))
        {
            telemetry.UseAzureMonitorExporter();
        }
        return services;
    }
}
