namespace OrderClose.LocalRunner.Sweep;

/// <summary>What the runner's sweeps did since start, added up.</summary>
public sealed class SweepTotals
{
    private long _runs;
    private long _closed;

    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Orders the sweeps moved out of NEW.</summary>
    public long Closed => Interlocked.Read(ref _closed);

    public void Add(int closed)
    {
        Interlocked.Increment(ref _runs);
        Interlocked.Add(ref _closed, closed);
    }
}
