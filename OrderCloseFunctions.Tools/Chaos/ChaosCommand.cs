using System.CommandLine;
using OrderClose.Tools.Bench;
using OrderClose.Tools.Faults;
using OrderClose.Tools.Progress;

namespace OrderClose.Tools.Chaos;

/// <summary><c>chaos</c>: runs orders through a runner whose ports fail as asked, and checks the promise held for every one.</summary>
public static class ChaosCommand
{
    /// <param name="settings">App settings for the runner (<c>--Section:Key=VALUE</c>), after chaos's own.</param>
    /// <param name="run">What runs chaos; by default <see cref="RunAsync"/>.</param>
    public static Command Create(IReadOnlyList<string> settings, Func<ChaosOptions, IReadOnlyList<string>, TextWriter, TextWriter, Task<int>>? run = null)
    {
        run ??= RunAsync;
        var flags = new ChaosFlags();
        var command = new Command("chaos", "Drives orders through a runner whose ports fail as asked, and checks order by order that the promise held (exit code 1 if not).");
        flags.AddTo(command);
        command.SetAction(result => run(flags.Read(result), settings, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <param name="error">Where the progress line goes.</param>
    public static async Task<int> RunAsync(ChaosOptions options, IReadOnlyList<string> settings, TextWriter output, TextWriter error)
    {
        var data = Directory.CreateTempSubdirectory("orderclose-chaos-").FullName;
        try
        {
            var counts = new ChaosCounts();
            var plan = new FaultPlan(options.Faults);
            ChaosReport report;
            await using var webhook = await ChaosWebhook.StartAsync(plan);
            var runnerSettings = ChaosSettings.For(options, webhook, settings);
            await using (IChaosRunner host = options.Kill == KillMode.Process
                             ? new ChildProcessRunner(data, plan, runnerSettings)
                             : new InProcessRunner(data, plan, counts, runnerSettings))
            {
                await host.StartAsync();
                await webhook.TrustKeyOfAsync(host);
                using var http = new HttpClient(new RetryingHandler(TimeSpan.FromSeconds(30))) { BaseAddress = host.BaseAddress };
                var orders = new BenchOrders(Guid.NewGuid().ToString("N")[..6], options.Run.PaidRatio);
                using (ProgressLine.Start(options.Run.Progress, TimeProvider.System, error, counts.Progress, () => plan.Injected.Values.Sum()))
                {
                    report = await new ChaosDriver(options, orders, host, http, counts, plan, webhook).RunAsync();
                }
            }
            await output.WriteLineAsync(options.Run.Json ? report.ToJson() : report.ToTable());
            return report.Violations == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
