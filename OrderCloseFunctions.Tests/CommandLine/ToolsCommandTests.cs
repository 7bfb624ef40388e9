using System.CommandLine;
using OrderClose.LocalRunner.CommandLine;
using OrderClose.Orders;
using OrderClose.Tools;
using OrderClose.Tools.Bench;
using OrderClose.Tools.Chaos;
using OrderClose.Tools.Faults;
using OrderClose.Tools.Progress;

namespace OrderClose.Tests.CommandLine;

/// <summary>The tools' command line (bench, chaos): help, mistakes, and what the flags and settings become; nothing is run.</summary>
public sealed class ToolsCommandTests
{
    [Fact]
    public async Task Root_help_lists_the_commands_and_the_settings()
    {
        var (exitCode, output, error) = await RunAsync(ToolsCommand.Create, "--help");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Matches(@"\n\s+bench\s+\S", output);
        Assert.Matches(@"\n\s+chaos\s+\S", output);
        Assert.Contains("--Section:Key=VALUE, --Section:Key VALUE", output);
    }

    [Fact]
    public async Task Bench_help_lists_every_flag_with_its_default()
    {
        var (exitCode, output, error) = await RunAsync(ToolsCommand.Create, "bench", "--help");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Matches(@"--orders <N>\s+.*\[default: 20000\]", output);
        Assert.Matches(@"--paid-ratio <R>\s+.*\[default: 0\.5\]", output);
        Assert.Matches(@"--timeout <T>\s+.*\[default: 5s\]", output);
        Assert.Matches(@"--concurrency <C>\s+.*\[default: 64\]", output);
        Assert.Matches(@"--timeouts <T,T>\s+.*\[default: none\]", output);
        Assert.Matches(@"--pending <N>\s+.*\[default: 0\]", output);
        Assert.Matches(@"--in-memory\s+.*\[default: off\]", output);
        Assert.Matches(@"--json\s+.*\[default: off\]", output);
        Assert.Matches(@"--quiet\s+.*\[default: off\]", output);
        Assert.Matches(@"--progress\s+.*\[default: only to a terminal\]", output);
        Assert.Contains("--Section:Key=VALUE", output);
    }

    [Fact]
    public async Task Chaos_help_lists_every_flag_with_its_default()
    {
        var (exitCode, output, error) = await RunAsync(ToolsCommand.Create, "chaos", "--help");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Matches(@"--orders <N>\s+.*\[default: 2000\]", output);
        Assert.Matches(@"--paid-ratio <R>\s+.*\[default: 0\.5\]", output);
        Assert.Matches(@"--timeout <T>\s+.*\[default: 2s\]", output);
        Assert.Matches(@"--concurrency <C>\s+.*\[default: 64\]", output);
        Assert.Matches(@"--json\s+.*\[default: off\]", output);
        Assert.Matches(@"--quiet\s+.*\[default: off\]", output);
        Assert.Matches(@"--progress\s+.*\[default: only to a terminal\]", output);
        Assert.Matches(@"--faults <F>\s+.*\[default: all\]", output);
        Assert.Matches(@"--rate <P>\s+.*\[default: 0\.05\]", output);
        Assert.Matches(@"--seed <S>\s+.*\[default: 42\]", output);
        Assert.Matches(@"--restart-every <SECONDS>\s+.*\[default: 3\]", output);
        Assert.Matches(@"--kill <in-process\|process>\s+.*\[default: in-process\]", output);
        Assert.Matches(@"--late-payments <Refund\|Manual>\s+.*\[default: Refund\]", output);
        Assert.DoesNotContain("--in-memory", output);
        Assert.DoesNotContain("--timeouts", output);
        Assert.DoesNotContain("--pending", output);
    }

    [Theory]
    [InlineData("bench", "--orderz", "3")]
    [InlineData("bench", "--orders")]
    [InlineData("bench", "--orders", "0")]
    [InlineData("bench", "--paid-ratio", "1.5")]
    [InlineData("bench", "--paid-ratio", "half")]
    [InlineData("bench", "--timeout", "0s")]
    [InlineData("bench", "--timeout", "5 seconds")]
    [InlineData("bench", "--quiet", "--progress")]
    [InlineData("bench", "--timeouts", "3s")]
    [InlineData("bench", "--timeouts", "3s,0s")]
    [InlineData("bench", "--timeouts", "3s,30s", "--timeout", "5s")]
    [InlineData("bench", "--pending", "-1")]
    [InlineData("chaos", "--in-memory")]
    [InlineData("chaos", "--faults", "store,disk")]
    [InlineData("chaos", "--rate", "0.9")]
    [InlineData("chaos", "--restart-every", "0")]
    [InlineData("chaos", "--kill", "sigterm")]
    [InlineData("chaos", "--kill", "process", "--faults", "events")]
    [InlineData("chaos", "--kill", "process", "--faults", "webhook,events.lostAck")]
    [InlineData("chaos", "--late-payments", "Later")]
    [InlineData("chaos", "--late-payments", "7")]
    [InlineData("chaos", "--kill", "process", "--faults", "restart,store")]
    [InlineData("fly")]
    [InlineData("bench", "--Orders:MinPaymentTimeout")]
    public async Task A_mistake_gets_one_line_and_exit_code_2(params string[] args)
    {
        var ran = false;
        Task<int> Run()
        {
            ran = true;
            return Task.FromResult(0);
        }
        var (exitCode, output, error) = await RunAsync(
            settings => new RootCommand { BenchCommand.Create(settings, (_, _, _, _) => Run()), ChaosCommand.Create(settings, (_, _, _, _) => Run()) },
            args);

        Assert.Equal(2, exitCode);
        Assert.False(ran);
        Assert.Empty(output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.EndsWith("See --help.", error.TrimEnd());
    }

    [Fact]
    public async Task Bench_defaults_are_the_documented_ones_and_flags_and_settings_reach_the_run()
    {
        Assert.Equal(new BenchOptions(), (await RunBenchAsync()).Options);

        var (options, settings) = await RunBenchAsync(
            "--orders", "300", "--paid-ratio", "0.25", "--timeout", "2m", "--concurrency", "8", "--in-memory", "--json", "--progress",
            "--Orders:MinPaymentTimeout", "00:00:01", "--Sweep:Interval=00:00:02");

        Assert.Equal(
            new BenchOptions { Orders = 300, PaidRatio = 0.25, Timeout = TimeSpan.FromMinutes(2), Concurrency = 8, InMemory = true, Json = true, Progress = ProgressMode.Always },
            options);
        Assert.Equal(["--Orders:MinPaymentTimeout=00:00:01", "--Sweep:Interval=00:00:02"], settings);
    }

    [Fact]
    public async Task Bench_mixes_timeouts_as_the_anchor_does_the_longest_first_of_every_ten()
    {
        var (options, _) = await RunBenchAsync("--timeouts", "3s,30s,10s", "--pending", "200000");

        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10)], options.Timeouts);
        Assert.Equal(200_000, options.Pending);
        Assert.Equal(TimeSpan.FromSeconds(30), options.LongestTimeout);
        Assert.Equal("3s,30s,10s", options.TimeoutsText);
        Assert.Equal(
            [30, 10, 3, 10, 3, 10, 3, 10, 3, 10, 30, 10, 3],
            Enumerable.Range(0, 13).Select(index => options.TimeoutOf(index).TotalSeconds));
    }

    [Fact]
    public async Task Chaos_defaults_are_the_documented_ones_and_flags_reach_the_run()
    {
        var defaults = await RunChaosAsync();
        Assert.Equal(ChaosOptions.Default.Run, defaults.Run);
        Assert.Equal(FaultKinds.Ports.ToHashSet(), defaults.Faults.Enabled.ToHashSet());
        Assert.Equal((0.05, 42), (defaults.Faults.Rate, defaults.Faults.Seed));
        Assert.Equal(TimeSpan.FromSeconds(3), defaults.RestartEvery);

        var chosen = await RunChaosAsync(
            "--orders", "50", "--timeout", "7s", "--faults", "store,provider.wrongAnswer", "--rate", "0.2", "--seed", "7", "--restart-every", "1.5", "--quiet");

        Assert.Equal(ChaosOptions.Default.Run with { Orders = 50, Timeout = TimeSpan.FromSeconds(7), Progress = ProgressMode.Never }, chosen.Run);
        Assert.Equal(new HashSet<string> { "store", "provider.wrongAnswer" }, chosen.Faults.Enabled.ToHashSet());
        Assert.Equal((0.2, 7), (chosen.Faults.Rate, chosen.Faults.Seed));
        Assert.Equal(TimeSpan.FromSeconds(1.5), chosen.RestartEvery);
        Assert.Equal(KillMode.InProcess, chosen.Kill);
        Assert.Equal(LatePaymentPolicy.Refund, defaults.LatePayments);
        Assert.Equal(LatePaymentPolicy.Manual, (await RunChaosAsync("--late-payments", "Manual")).LatePayments);
    }

    [Fact]
    public async Task Chaos_with_process_kill_injects_by_default_and_under_all_what_happens_outside_the_child_and_else_what_it_is_told()
    {
        var killed = await RunChaosAsync("--kill", "process");
        var all = await RunChaosAsync("--kill", "process", "--faults", "all");
        var named = await RunChaosAsync("--kill", "process", "--faults", "restart,webhook.drop");

        Assert.Equal(KillMode.Process, killed.Kill);
        HashSet<string> outside = [FaultKinds.Restart, FaultKinds.Webhook];
        Assert.Equal(outside, killed.Faults.Enabled.ToHashSet());
        Assert.Equal(outside, all.Faults.Enabled.ToHashSet());
        Assert.Equal([FaultKinds.Restart, FaultKinds.WebhookDrop], named.Faults.Enabled.Order());
    }

    private static async Task<(BenchOptions Options, IReadOnlyList<string> Settings)> RunBenchAsync(params string[] args)
    {
        (BenchOptions, IReadOnlyList<string>)? ran = null;
        var (exitCode, _, error) = await RunAsync(
            settings => new RootCommand { BenchCommand.Create(settings, (options, given, _, _) =>
            {
                ran = (options, given);
                return Task.FromResult(0);
            }) },
            ["bench", .. args]);
        Assert.True(exitCode == 0, error);
        return ran!.Value;
    }

    private static async Task<ChaosOptions> RunChaosAsync(params string[] args)
    {
        ChaosOptions? ran = null;
        var (exitCode, _, error) = await RunAsync(
            settings => new RootCommand { ChaosCommand.Create(settings, (options, _, _, _) =>
            {
                ran = options;
                return Task.FromResult(0);
            }) },
            ["chaos", .. args]);
        Assert.True(exitCode == 0, error);
        return ran!;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(Func<IReadOnlyList<string>, RootCommand> command, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLineApp.RunAsync(args, command, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
