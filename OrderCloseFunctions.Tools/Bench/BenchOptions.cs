using OrderClose.Tools.Progress;

namespace OrderClose.Tools.Bench;

/// <summary>What a bench run (and the drive under chaos) does: how many orders, how many paid, their timeouts, how many requests at once.</summary>
public sealed record BenchOptions
{
    public int Orders { get; init; } = 20_000;
    public double PaidRatio { get; init; } = 0.5;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A mix of per-order timeouts instead of <see cref="Timeout"/> (empty: none), mixed as the seed's delay-queue anchor
    /// mixes its per-message TTLs: every tenth order gets the longest and is placed first of its ten; the others take
    /// the rest in turn.
    /// </summary>
    public IReadOnlyList<TimeSpan> Timeouts { get; init; } = [];

    public int Concurrency { get; init; } = 64;
    public bool InMemory { get; init; }
    public bool Json { get; init; }
    public ProgressMode Progress { get; init; }

    /// <summary>Orders placed before the drive, straight through the use case, due long after it: closes pending all the while.</summary>
    public int Pending { get; init; }

    public TimeSpan LongestTimeout => Timeouts.Count == 0 ? Timeout : Timeouts.Max();

    public TimeSpan TimeoutOf(int index)
    {
        if (Timeouts.Count < 2)
        {
            return LongestTimeout;
        }
        if (index % 10 == 0)
        {
            return LongestTimeout;
        }
        var others = Timeouts.Where(timeout => timeout != LongestTimeout).ToList();
        return others.Count == 0 ? LongestTimeout : others[index % others.Count];
    }

    public string TimeoutsText => string.Join(',', (Timeouts.Count == 0 ? [Timeout] : Timeouts).Select(DurationText.Format));

}
