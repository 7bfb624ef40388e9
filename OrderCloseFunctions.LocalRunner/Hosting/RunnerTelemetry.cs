using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OrderClose.LocalRunner.Hosting;

/// <summary>
/// <c>--otlp URL</c>: the app's traces and metrics (<see cref="Telemetry.WithOrderCloseSignals"/>), plus the runner's
/// incoming requests, sent over OTLP/HTTP (protobuf) to any viewer (docs/observability.md names two without Docker).
/// </summary>
public static class RunnerTelemetry
{
    public const string ServiceName = "orderclose-local-runner";

    /// <summary>Exported every few seconds rather than the SDK's minute, for someone watching a demo.</summary>
    public static readonly Dictionary<string, string?> ExportIntervals = new()
    {
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "5000",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
    };

    public static IServiceCollection AddRunnerTelemetry(this IServiceCollection services, Uri otlpEndpoint)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithOrderCloseSignals()
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation())
            .UseOtlpExporter(OtlpExportProtocol.HttpProtobuf, otlpEndpoint);
        return services;
    }
}
