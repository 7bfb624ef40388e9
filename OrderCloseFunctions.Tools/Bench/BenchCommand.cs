using System.CommandLine;
using OrderClose.LocalRunner.Hosting;
using OrderClose.LocalRunner.Messaging;
using OrderClose.Orders.Ports;
using OrderClose.Tools.Hosting;
using OrderClose.Tools.Progress;

namespace OrderClose.Tools.Bench;

/// <summary><c>bench</c>: starts a runner on a free loopback port with counting decorators around the ports, drives it, prints the report.</summary>
public static class BenchCommand
{
    /// <param name="settings">App settings for the runner (<c>--Section:Key=VALUE</c>).</param>
    /// <param name="run">What runs the bench; by default <see cref="RunAsync"/>.</param>
    public static Command Create(IReadOnlyList<string> settings, Func<BenchOptions, IReadOnlyList<string>, TextWriter, TextWriter, Task<int>>? run = null)
    {
        run ??= RunAsync;
        var flags = new BenchFlags(new BenchOptions(), benchOnly: true);
        var command = new Command("bench", "Starts a runner on a free loopback port, places orders over HTTP, pays some, waits for every close, and reports speed, lateness and violations (exit code 1 if any).");
        flags.AddTo(command);
        command.SetAction(result => run(flags.Read(result), settings, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <param name="error">Where the progress line goes.</param>
    public static async Task<int> RunAsync(BenchOptions options, IReadOnlyList<string> settings, TextWriter output, TextWriter error)
    {
        var data = options.InMemory ? null : Directory.CreateTempSubdirectory("orderclose-bench-").FullName;
        try
        {
            var counts = new CallCounts();
            var progress = new ProgressCounts();
            var runner = new RunnerOptions
            {
                Urls = "http://127.0.0.1:0",
                DataDirectory = data,
                ConfigurationArgs = ["--Logging:LogLevel:Default=Error", .. settings],
            };
            await using var app = LocalRunnerHost.Build(runner, builder => builder.Services
                .AddDispatchLane()
                .Decorate<IOrderStore>(store => new CountingOrderStore(store, counts))
                .Decorate<IOrderStore>(store => new ProgressCountingStore(store, progress))
                .Decorate<IPaymentProvider>(provider => new CountingPaymentProvider(provider, counts, BenchOrders.IsPaidNumber)));
            await app.StartAsync();

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency })
            {
                BaseAddress = app.Services.GetRequiredService<RunnerAddress>().BaseAddress,
            };
            var run = Guid.NewGuid().ToString("N")[..6];
            await PendingOrders.PlaceAsync(app.Services, run, options.Pending, options.Concurrency);
            var orders = new BenchOrders(run, options.PaidRatio);
            BenchReport report;
            using (ProgressLine.Start(options.Progress, TimeProvider.System, error, progress))
            {
                report = await new BenchDriver(options, orders, http, app.Services.GetRequiredService<SqliteCloseQueue>(), counts).RunAsync();
            }
            await output.WriteLineAsync(options.Json ? report.ToJson() : report.ToTable());
            await app.StopAsync();
            return report.Violations == 0 ? 0 : 1;
        }
        finally
        {
            if (data is not null)
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
