namespace OrderClose.Tools.Progress;

/// <summary>Orders stored and moved out of NEW so far, counted by <see cref="ProgressCountingStore"/>; across restarts when shared.</summary>
public sealed class ProgressCounts
{
    private long _placed;
    private long _paid;
    private long _closed;

    public long Placed => Interlocked.Read(ref _placed);
    public long Paid => Interlocked.Read(ref _paid);
    public long Closed => Interlocked.Read(ref _closed);

    internal void Placement() => Interlocked.Increment(ref _placed);

    internal void Payment() => Interlocked.Increment(ref _paid);

    internal void Close() => Interlocked.Increment(ref _closed);
}
