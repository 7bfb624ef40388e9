using OrderClose.Tools.Bench;
using OrderClose.Tools.Faults;

namespace OrderClose.Tools.Chaos;

/// <summary><c>chaos</c>: runs orders through a runner whose ports fail as asked, and checks the promise held for every one.</summary>
public static class ChaosCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        ChaosOptions options;
        try
        {
            options = ChaosOptions.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"{exception.Message}\n{ChaosOptions.Usage}\n{BenchOptions.Usage}");
            return 2;
        }

        var data = Directory.CreateTempSubdirectory("orderclose-chaos-").FullName;
        try
        {
            var counts = new ChaosCounts();
            var plan = new FaultPlan(options.Faults);
            ChaosReport report;
            await using (IChaosRunner host = options.Kill == KillMode.Process ? new ChildProcessRunner(data, plan) : new InProcessRunner(data, plan, counts))
            {
                await host.StartAsync();
                using var http = new HttpClient(new RetryingHandler(TimeSpan.FromSeconds(30))) { BaseAddress = host.BaseAddress };
                var orders = new BenchOrders(Guid.NewGuid().ToString("N")[..6], options.Run.PaidRatio);
                report = await new ChaosDriver(options, orders, host, http, counts, plan).RunAsync();
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
