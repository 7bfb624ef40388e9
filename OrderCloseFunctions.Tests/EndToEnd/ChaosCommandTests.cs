using System.Text.Json;
using OrderClose.LocalRunner.CommandLine;
using OrderClose.Tools;
using OrderClose.Tools.Faults;

namespace OrderClose.Tests.EndToEnd;

/// <summary>A small chaos run with every fault kind at once: the promise must hold for every order.</summary>
public sealed class ChaosCommandTests
{
    [Fact]
    public async Task Under_every_fault_kind_every_order_ends_as_it_should_and_the_report_says_so_as_json()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await CommandLineApp.RunAsync(
            ["chaos", "--orders", "200", "--paid-ratio", "0.5", "--timeout", "2s", "--concurrency", "16", "--faults", "all",
             "--rate", "0.05", "--seed", "42", "--restart-every", "1", "--json", "--progress"], ToolsCommand.Create, output, error);

        var report = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(0, report.GetProperty("violations").GetInt32());
        Assert.Equal(0, exitCode);
        Assert.Matches(@"placed \d+  paid \d+  closed \d+  pending \d+  .*  \|  faults [1-9]", error.ToString());
        Assert.Equal(200, report.GetProperty("orders").GetInt32());
        var injected = report.GetProperty("faultsInjected");
        Assert.All(FaultKinds.All, kind => Assert.True(injected.GetProperty(kind).GetInt64() > 0, kind));
        Assert.True(report.GetProperty("retries").GetProperty("abandons").GetInt64() > 0);
        foreach (var count in new[] { "deadLetters", "sweeperCloses" })
        {
            Assert.Equal(JsonValueKind.Number, report.GetProperty(count).ValueKind);
        }
        var invariants = report.GetProperty("invariants");
        foreach (var invariant in new[] { "unpaidNotCancelled", "paidNotPaid", "transitionsNotOne", "leftNew", "paidAfterCancelNotRecorded", "notDriven" })
        {
            Assert.Equal(0, invariants.GetProperty(invariant).GetInt32());
        }
        Assert.Equal(200, report.GetProperty("finalStates").GetProperty("paid").GetInt32() + report.GetProperty("finalStates").GetProperty("cancelled").GetInt32());
    }

    [Fact]
    public async Task With_the_runner_a_child_process_killed_with_sigkill_and_started_again_every_order_ends_as_it_should()
    {
        var output = new StringWriter();

        var exitCode = await CommandLineApp.RunAsync(
            // Unpaid orders close at their 5 s deadline, so the drive outlasts the first restart (at 2 s) however fast the machine.
            ["chaos", "--orders", "12", "--paid-ratio", "0.5", "--timeout", "5s", "--concurrency", "4", "--kill", "process",
             "--restart-every", "2", "--json"], ToolsCommand.Create, output, TextWriter.Null);

        var report = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("process", report.GetProperty("kill").GetString());
        Assert.True(report.GetProperty("faultsInjected").GetProperty(FaultKinds.Restart).GetInt64() > 0);
        Assert.True(report.GetProperty("violations").GetInt32() == 0, output.ToString());
        Assert.Equal(0, exitCode);
        var finalStates = report.GetProperty("finalStates");
        Assert.Equal(12, finalStates.GetProperty("paid").GetInt32() + finalStates.GetProperty("cancelled").GetInt32());
        // Its settlements happen out of this process's sight.
        Assert.Equal(JsonValueKind.Null, report.GetProperty("retries").ValueKind);
    }
}
