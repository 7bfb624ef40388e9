namespace OrderClose.LocalRunner.Events;

/// <summary>Wakes a reader of the local topic (the webhook) when an event is appended, so it need not poll.</summary>
public sealed class TopicAppended
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Signal()
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

    /// <summary>Waits for an append since the last wait, at most <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
