using OrderClose.LocalRunner.Hosting;
using OrderClose.LocalRunner.Messaging;
using OrderClose.Orders.Ports;
using OrderClose.Tools.Hosting;

namespace OrderClose.Tools.Bench;

/// <summary><c>bench</c>: starts a runner on a free loopback port with counting decorators around the ports, drives it, prints the report.</summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"{exception.Message}\n{BenchOptions.Usage}");
            return 2;
        }

        var data = options.InMemory ? null : Directory.CreateTempSubdirectory("orderclose-bench-").FullName;
        try
        {
            var counts = new CallCounts();
            var runner = new RunnerOptions
            {
                Urls = "http://127.0.0.1:0",
                DataDirectory = data,
                ConfigurationArgs = ["--Logging:LogLevel:Default=Error"],
            };
            await using var app = LocalRunnerHost.Build(runner, builder => builder.Services
                .AddDispatchLane()
                .Decorate<IOrderStore>(store => new CountingOrderStore(store, counts))
                .Decorate<IPaymentProvider>(provider => new CountingPaymentProvider(provider, counts, BenchOrders.IsPaidNumber)));
            await app.StartAsync();

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency })
            {
                BaseAddress = app.Services.GetRequiredService<RunnerAddress>().BaseAddress,
            };
            var orders = new BenchOrders(Guid.NewGuid().ToString("N")[..6], options.PaidRatio);
            var report = await new BenchDriver(options, orders, http, app.Services.GetRequiredService<SqliteCloseQueue>(), counts).RunAsync();
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
