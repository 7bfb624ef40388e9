using OrderClose.Tools.Progress;

namespace OrderClose.Tools.Bench;

/// <summary>What a bench run (and the drive under chaos) does: how many orders, how many paid, their timeout, how many requests at once.</summary>
public sealed record BenchOptions
{
    public int Orders { get; init; } = 20_000;
    public double PaidRatio { get; init; } = 0.5;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);
    public int Concurrency { get; init; } = 64;
    public bool InMemory { get; init; }
    public bool Json { get; init; }
    public ProgressMode Progress { get; init; }
}
