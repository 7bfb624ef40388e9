using System.Text.Json;
using OrderClose.LocalRunner.CommandLine;
using OrderClose.Tools;
using OrderClose.Tools.Faults;

namespace OrderClose.Tests.EndToEnd;

/// <summary>
/// Small chaos runs, with every fault kind at once and with the runner a child process: the promise must hold for every
/// order, every transition must have exactly one event id, and the webhook must have taken every event.
/// </summary>
public sealed class ChaosCommandTests
{
    [Fact]
    public async Task Under_every_fault_kind_every_order_ends_as_it_should_and_the_report_says_so_as_json()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await CommandLineApp.RunAsync(
            ["chaos", "--orders", "200", "--paid-ratio", "0.5", "--timeout", "2s", "--concurrency", "16", "--faults", "all",
             "--rate", "0.05", "--seed", "42", "--restart-every", "1", "--late-pay-ratio", "0.1", "--json", "--progress"], ToolsCommand.Create, output, error);

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
        var late = report.GetProperty("lateRefunds");
        Assert.Equal((10, 10, "Refund"), (late.GetProperty("paid").GetInt32(), late.GetProperty("ended").GetInt32(), late.GetProperty("policy").GetString()));
        // One event per order's move and per refund, each taken by the webhook; the faults made some come twice.
        var events = AssertEventsHeld(report);
        Assert.Equal(210, events.GetProperty("events").GetInt32());
        Assert.True(events.GetProperty("republished").GetInt64() > 0);
    }

    [Fact]
    public async Task With_the_runner_a_child_process_killed_with_sigkill_and_started_again_every_order_ends_as_it_should()
    {
        var output = new StringWriter();

        var exitCode = await CommandLineApp.RunAsync(
            // Unpaid orders close at their 5 s deadline, so the drive outlasts the first restart (at 2 s) however fast the machine.
            // At rate 0.3 each of the 24 or more POSTs fails at the webhook (500 or dropped) as decided per event id.
            ["chaos", "--orders", "24", "--paid-ratio", "0.5", "--timeout", "5s", "--concurrency", "4", "--kill", "process",
             "--restart-every", "2", "--rate", "0.3", "--late-pay-ratio", "0.5", "--late-payments", "Manual", "--json"],
            ToolsCommand.Create, output, TextWriter.Null);

        var report = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("process", report.GetProperty("kill").GetString());
        foreach (var kind in new[] { FaultKinds.Restart, FaultKinds.Webhook5xx, FaultKinds.WebhookDrop })
        {
            Assert.True(report.GetProperty("faultsInjected").GetProperty(kind).GetInt64() > 0, kind);
        }
        Assert.True(report.GetProperty("violations").GetInt32() == 0, output.ToString());
        Assert.Equal(0, exitCode);
        var finalStates = report.GetProperty("finalStates");
        Assert.Equal(24, finalStates.GetProperty("paid").GetInt32() + finalStates.GetProperty("cancelled").GetInt32());
        // Under Manual a late payment ends MANUAL, with no refund and so no refund event.
        var late = report.GetProperty("lateRefunds");
        Assert.Equal((6, 6, "Manual"), (late.GetProperty("paid").GetInt32(), late.GetProperty("ended").GetInt32(), late.GetProperty("policy").GetString()));
        Assert.Equal(24, AssertEventsHeld(report).GetProperty("events").GetInt32());
        // Its settlements happen out of this process's sight.
        Assert.Equal(JsonValueKind.Null, report.GetProperty("retries").ValueKind);
    }

    /// <summary>The events' invariants held, and the webhook took events again after failed or dropped POSTs.</summary>
    private static JsonElement AssertEventsHeld(JsonElement report)
    {
        var events = report.GetProperty("events");
        foreach (var invariant in new[] { "transitionsWithoutEvent", "transitionsWithTwoIds", "eventsNotMatchingOrder", "eventsNotDelivered", "postsNotAuthentic" })
        {
            Assert.True(events.GetProperty(invariant).GetInt64() == 0, invariant);
        }
        Assert.True(events.GetProperty("webhookPosts").GetInt64() > events.GetProperty("events").GetInt64());
        Assert.True(events.GetProperty("webhookTakenAgain").GetInt64() > 0);
        return events;
    }
}
