namespace OrderClose.Tests.TestDoubles;

/// <summary>
/// Holds callers until <paramref name="parties"/> of them have arrived, so concurrent calls are provably
/// inside the same step together. Ordering only: the guard just keeps a broken test from hanging forever.
/// </summary>
public sealed class Rendezvous(int parties)
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public Task ArriveAsync()
    {
        if (Interlocked.Increment(ref _arrived) == parties)
        {
            _allArrived.TrySetResult();
        }
        return _allArrived.Task.WaitAsync(HangGuard);
    }
}
