namespace OrderClose.LocalRunner.Sweep;

/// <summary>What the runner's sweeps did since start, added up.</summary>
public sealed class SweepTotals
{
    private long _runs;
    private long _closed;
    private long _failedRuns;

    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Orders the sweeps moved out of NEW.</summary>
    public long Closed => Interlocked.Read(ref _closed);

    /// <summary>Runs that failed as a whole (e.g. the overdue query threw); the next interval runs again.</summary>
    public long FailedRuns => Interlocked.Read(ref _failedRuns);

    public void Add(int closed)
    {
        Interlocked.Increment(ref _runs);
        Interlocked.Add(ref _closed, closed);
    }

    public void Failed() => Interlocked.Increment(ref _failedRuns);
}
