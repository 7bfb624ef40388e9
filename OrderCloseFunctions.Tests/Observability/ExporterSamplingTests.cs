using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using OrderClose.Tools.Capacity;

namespace OrderClose.Tests.Observability;

/// <summary>
/// What the capacity plan takes from the app's Azure Monitor exporter: it samples by rate, a few traces a second per
/// process, so at a peak Application Insights gets a small share of the traces (and of their log records).
/// </summary>
public sealed class ExporterSamplingTests
{
    [Fact]
    public async Task The_app_s_exporter_drops_most_of_a_burst_of_traces_and_keeps_one_that_comes_after_a_pause()
    {
        // Heard by this test's provider only: another provider listening to the same source would record every span.
        using var probe = new ActivitySource($"OrderClose.Tests.Sampling.{Guid.NewGuid():N}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Nothing listens there: the exporter's sends fail quietly, the sampling happens before them.
            [OrderClose.Telemetry.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddOrderCloseTelemetry(configuration);
        services.Configure<AzureMonitorExporterOptions>(options => options.DisableOfflineStorage = true);
        services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(probe.Name));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<TracerProvider>();

        // Roots: no span of another test's as their parent.
        Activity.Current = null;
        var recorded = 0;
        for (var i = 0; i < 200; i++)
        {
            using var root = probe.StartActivity("root");
            recorded += root is { Recorded: true } ? 1 : 0;
        }
        Assert.InRange(recorded, 0, 2 * (int)CapacityAssumptions.Default.SampledTracesPerSecondPerInstance);

        // A rate, not a ratio: a pause refills it. The provider also samples the HTTP spans of tests running beside this
        // one, which take from the same budget, so a trace is tried every 100 ms until one is kept, for 10 s at most.
        var keptOneLater = false;
        for (var deadline = Stopwatch.StartNew(); !keptOneLater && deadline.Elapsed < TimeSpan.FromSeconds(10);)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            using var later = probe.StartActivity("later");
            keptOneLater = later is { Recorded: true };
        }
        Assert.True(keptOneLater, "a trace after a pause is kept");
    }

    [Fact]
    public void The_plan_s_traces_per_second_are_the_exporter_s_default()
    {
        Assert.Equal(new AzureMonitorExporterOptions().TracesPerSecond, CapacityAssumptions.Default.SampledTracesPerSecondPerInstance);
        Assert.True(new AzureMonitorExporterOptions().EnableTraceBasedLogsSampler, "a sampled-out trace's log records are dropped with it");
    }
}
