namespace OrderClose.LocalRunner.Messaging;

/// <summary>
/// Lets the dispatcher sleep until the next message is due, and wakes it early when a message becomes due
/// sooner than that (a new close, an abandon). Signals for later messages are ignored, so a burst of
/// scheduling does not spin the dispatcher.
/// </summary>
public sealed class DispatchWakeup(TimeProvider clock)
{
    /// <summary>Sleeps at most this long, in case another process wrote to the queue.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _signal = new(0, 1);
    private long _wakeAtMs = long.MinValue;

    public void Due(DateTimeOffset at)
    {
        if (at.ToUnixTimeMilliseconds() < Volatile.Read(ref _wakeAtMs))
        {
            Signal();
        }
    }

    /// <summary>From now on every signal counts: call before looking for the next due time, so nothing sent meanwhile is missed.</summary>
    public void Arm() => Volatile.Write(ref _wakeAtMs, long.MaxValue);

    /// <summary>Sleeps until <paramref name="next"/> (null: nothing is scheduled) or an earlier message is due.</summary>
    public async Task SleepAsync(DateTimeOffset? next, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var delay = next is { } due ? due - now : MaxSleep;
        if (delay > MaxSleep)
        {
            delay = MaxSleep;
        }
        Volatile.Write(ref _wakeAtMs, (now + delay).ToUnixTimeMilliseconds());
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await _signal.WaitAsync(delay, cancellationToken);
            }
        }
        finally
        {
            // Awake, the dispatcher reads the queue itself.
            Volatile.Write(ref _wakeAtMs, long.MinValue);
        }
    }

    private void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Signalled already.
        }
    }
}
