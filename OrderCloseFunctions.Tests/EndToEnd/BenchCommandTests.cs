using System.Text.Json;
using OrderClose.LocalRunner.CommandLine;
using OrderClose.Tools;

namespace OrderClose.Tests.EndToEnd;

/// <summary>A tiny bench run, so the command cannot rot. Checks correctness, the report's shape and the progress line, never speed.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task A_small_bench_run_settles_every_order_as_it_should_and_reports_as_json()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await CommandLineApp.RunAsync(["bench", "--orders", "200", "--paid-ratio", "0.5", "--timeout", "2s", "--concurrency", "16", "--json", "--progress"], ToolsCommand.Create, output, error);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^\[ +\d+s\] placed \d+  paid \d+  closed \d+  pending \d+  \|  \d+ placed/s  \d+ closed/s\r?$", error.ToString().Split('\n')[0]);
        var report = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(0, report.GetProperty("violations").GetInt32());
        Assert.Equal(200, report.GetProperty("orders").GetInt32());
        Assert.Equal(100, report.GetProperty("finalStates").GetProperty("paid").GetInt32() + report.GetProperty("refusedAtCashier").GetInt32());
        foreach (var property in new[] { "createdPerSecond", "closesPerSecond", "providerQueriesPerUnpaidOrder", "storeOperationsPerOrder", "cpuSecondsPer1000Orders", "peakWorkingSetMiB", "gcHeapMiB" })
        {
            Assert.True(report.GetProperty(property).GetDouble() > 0, property);
        }
        foreach (var percentile in new[] { "p50", "p95", "p99", "max" })
        {
            Assert.Equal(JsonValueKind.Number, report.GetProperty("closeLatenessMs").GetProperty(percentile).ValueKind);
        }
    }
}
