using OrderClose.Tools.Bench;
using OrderClose.Tools.Faults;

namespace OrderClose.Tools.Chaos;

/// <summary><c>chaos</c>: the drive (orders, paid ratio, timeout, concurrency, json) plus the faults, and how a restart ends the runner.</summary>
public sealed record ChaosOptions(BenchOptions Run, FaultOptions Faults, TimeSpan RestartEvery, KillMode Kill = KillMode.InProcess)
{
    /// <summary>A smaller, quicker drive than the bench's (a chaos run waits out retries and sweeps), every fault on, a restart every 3 s.</summary>
    public static readonly ChaosOptions Default = new(
        new BenchOptions { Orders = 2000, Timeout = TimeSpan.FromSeconds(2) },
        new FaultOptions { Enabled = FaultOptions.Parse("all") },
        TimeSpan.FromSeconds(3));
}
