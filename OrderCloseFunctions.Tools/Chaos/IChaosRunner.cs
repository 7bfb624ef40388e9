namespace OrderClose.Tools.Chaos;

/// <summary>The runner under chaos, on one data folder and one port, as the driver restarts and inspects it.</summary>
public interface IChaosRunner : IAsyncDisposable
{
    Uri BaseAddress { get; }

    /// <summary>
    /// Whether the runner runs in this process. Only then do the chaos decorators run inside it, so the port faults can
    /// be injected and <see cref="ChaosCounts"/> sees its retries, moves and sweeps; a child process's moves are read
    /// from its events instead.
    /// </summary>
    bool InProcess { get; }

    Task StartAsync();

    /// <summary>Ends the runner without letting its work finish, and starts it again on the same data folder and port.</summary>
    Task RestartAsync();

    /// <summary>Runs <paramref name="work"/> on services over the runner's data folder (its stores, queue and ledger), to read them.</summary>
    Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work);
}
