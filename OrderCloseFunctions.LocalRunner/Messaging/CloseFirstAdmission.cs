using Microsoft.Extensions.Options;

namespace OrderClose.LocalRunner.Messaging;

/// <summary>
/// Closes come first: a close is due at its deadline, a new order can wait. While the oldest due close has waited longer
/// than <see cref="CloseQueueOptions.AdmissionMaxLag"/> for the dispatcher (it is behind, the CPU is short), a new
/// order waits here, so the closes get the CPU the placing would have taken; if the closes have not caught up within
/// <see cref="CloseQueueOptions.AdmissionMaxWait"/>, it is refused (503 with <c>Retry-After</c>, and a retry is safe).
/// The lag is read from the queue at most every <see cref="Poll"/>, however many requests wait.
/// </summary>
public sealed class CloseFirstAdmission(SqliteCloseQueue queue, TimeProvider clock, IOptions<CloseQueueOptions> options)
{
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    private readonly CloseQueueOptions _options = options.Value;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Reading _last = new(DateTimeOffset.MinValue, null);

    /// <summary>True once the closes are on time; false when they were still behind after the longest wait.</summary>
    public async Task<bool> AdmitAsync(CancellationToken cancellationToken)
    {
        var giveUpAt = clock.GetUtcNow() + _options.AdmissionMaxWait;
        while (await LagAsync() > _options.AdmissionMaxLag)
        {
            if (clock.GetUtcNow() >= giveUpAt)
            {
                return false;
            }
            await Task.Delay(Poll, clock, cancellationToken);
        }
        return true;
    }

    /// <summary>How long the oldest close that could be received has been waiting for the dispatcher; zero when none has.</summary>
    private async Task<TimeSpan> LagAsync()
    {
        var now = clock.GetUtcNow();
        if (now - _last.At >= Poll && await _reading.WaitAsync(0))
        {
            try
            {
                _last = new Reading(now, await queue.NextVisibleAtAsync());
            }
            finally
            {
                _reading.Release();
            }
        }
        return _last.OldestDue is { } due && due < now ? now - due : TimeSpan.Zero;
    }

    private sealed record Reading(DateTimeOffset At, DateTimeOffset? OldestDue);
}
