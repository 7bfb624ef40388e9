using Microsoft.Azure.Functions.Worker;
using OrderClose.Tools.Faults;
using OrderClose.LocalRunner.Hosting;
using OrderClose.LocalRunner.Sweep;
using OrderClose.Orders.Ports;
using OrderClose.Tools.Hosting;
using OrderClose.Tools.Progress;

namespace OrderClose.Tools.Chaos;

/// <summary>
/// The runner under chaos in this process: the counting decorators inside the faulty ones, so the counts are of what
/// really happened. <see cref="RestartAsync"/> stops it without letting work finish, as a killed process would, and
/// starts a new one on the same data.
/// </summary>
/// <param name="settings">More app settings, after chaos's own.</param>
/// <param name="port">The loopback port to listen on; 0: any free one, kept across restarts.</param>
public sealed class InProcessRunner(string dataDirectory, FaultPlan plan, ChaosCounts counts, IReadOnlyList<string> settings, int port = 0) : IChaosRunner
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;
    private string _urls = $"http://127.0.0.1:{port}";

    public Uri BaseAddress { get; private set; } = null!;

    public bool InProcess => true;

    public async Task StartAsync()
    {
        var options = new RunnerOptions { Urls = _urls, DataDirectory = dataDirectory, ConfigurationArgs = ChaosSettings.With(settings) };
        _app = LocalRunnerHost.Build(options, builder => builder.Services
            .AddDispatchLane()
            .Decorate<IOrderStore>(store => new TransitionCountingStore(store, counts))
            .Decorate<IOrderStore>(store => new ProgressCountingStore(store, counts.Progress))
            .AddFaults(plan)
            .Decorate<ServiceBusMessageActions>(actions => new CountingMessageActions(actions, counts)));
        await _app.StartAsync();
        BaseAddress = _app.Services.GetRequiredService<RunnerAddress>().BaseAddress;
        _urls = BaseAddress.ToString().TrimEnd('/');
    }

    public async Task RestartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await StopAsync();
            plan.Count(FaultKinds.Restart);
            await StartAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on the running runner's services while no restart can happen.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await _gate.WaitAsync();
        try
        {
            return await work(_app!.Services);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StopAsync()
    {
        if (_app is not { } app)
        {
            return;
        }
        _app = null;
        counts.SweptClosed(app.Services.GetRequiredService<SweepTotals>().Closed);
        await app.StopAsync(new CancellationToken(canceled: true));
        await app.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
