using Microsoft.Extensions.Configuration.Memory;
using OrderClose.LocalRunner.Events;
using OrderClose.LocalRunner.Messaging;
using OrderClose.LocalRunner.Payments;
using OrderClose.LocalRunner.Storage;
using OrderClose.LocalRunner.Sweep;
using OrderClose.Payments;
using OrderClose.Storage;

namespace OrderClose.LocalRunner.Hosting;

/// <summary>
/// The runner's composition root: the app's use cases (<see cref="OrderCloseServices.AddOrderCloseUseCases"/>) and
/// functions, with embedded adapters behind the ports, or the real ones where configured.
/// </summary>
public static class LocalRunnerHost
{
    /// <summary>Settings that differ from the app's defaults, so a demo takes seconds. The command line overrides them.</summary>
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Orders:MinPaymentTimeout"] = "00:00:01",
        ["Orders:MinTimeToPay"] = "00:00:00.200",
        ["Orders:Sweep:Grace"] = "00:00:30",
        ["Orders:Sweep:EventGrace"] = "00:00:05",
        ["Sweep:Interval"] = "00:00:10",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:System.Net.Http"] = "Warning",
        // A failed start is the caller's to report (a busy port in one line, anything else as its exception), not also
        // the host's error log with a stack trace; a background service that stops the host is still logged (critical).
        ["Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host"] = "Critical",
    };

    /// <param name="configure">Last say over the services, e.g. a decorator around a port (tests, the bench).</param>
    public static WebApplication Build(RunnerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. options.ConfigurationArgs] });
        ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });

        var services = builder.Services;
        services.AddSingleton(new DataLocation(options.DataDirectory));
        services.AddSingleton<RunnerAddress>();
        services.AddMvcCore();
        services.AddOrderCloseUseCases(builder.Configuration);
        services.AddLocalCloseQueue(builder.Configuration);
        services.AddLocalRefundQueue();
        services.AddSandboxPayments();
        services.AddLocalEvents(builder.Configuration);
        services.AddOverdueSweeper(builder.Configuration);
        if (options.CosmosConnection is { } cosmos)
        {
            builder.Configuration[CosmosConnection.Setting] = cosmos;
            services.AddCosmosOrderStore(builder.Configuration);
        }
        else
        {
            services.AddSqliteOrderStore();
        }
        if (options.OtlpEndpoint is { } otlp)
        {
            ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new MemoryConfigurationSource { InitialData = RunnerTelemetry.ExportIntervals });
            services.AddRunnerTelemetry(otlp);
        }
        services.AddConfiguredPaymentProviders(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapFunctions();
        app.MapSandboxCashier();
        app.MapOpenApiDocument();
        app.MapLocalEvents();
        return app;
    }
}
