using System.Collections.Concurrent;
using OrderClose.Tools.Progress;

namespace OrderClose.Tools.Chaos;

/// <summary>What the chaos decorators saw, across restarts: retries of closes, and each order's moves out of NEW.</summary>
public sealed class ChaosCounts
{
    private readonly ConcurrentDictionary<string, int> _moves = new(StringComparer.Ordinal);
    private long _abandons;
    private long _reschedules;
    private long _sweeperCloses;

    /// <summary>Close messages let go for immediate redelivery.</summary>
    public long Abandons => Interlocked.Read(ref _abandons);

    /// <summary>Closes scheduled again later with backoff.</summary>
    public long Reschedules => Interlocked.Read(ref _reschedules);

    public long SweeperCloses => Interlocked.Read(ref _sweeperCloses);

    /// <summary>Orders placed, paid and closed so far, for the progress line.</summary>
    public ProgressCounts Progress { get; } = new();

    public int MovesOf(string outTradeNo) => _moves.GetValueOrDefault(outTradeNo);

    internal void Abandoned() => Interlocked.Increment(ref _abandons);

    internal void Rescheduled() => Interlocked.Increment(ref _reschedules);

    public void Moved(string outTradeNo) => _moves.AddOrUpdate(outTradeNo, 1, (_, moves) => moves + 1);

    internal void SweptClosed(long closed) => Interlocked.Add(ref _sweeperCloses, closed);
}
