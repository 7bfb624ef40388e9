using Microsoft.Extensions.Options;

namespace OrderClose.Orders;

public enum CloseRetryAction
{
    /// <summary>Let the queue deliver it again at once.</summary>
    Abandon,

    /// <summary>Schedule the close again as attempt <see cref="CloseRetryDecision.Attempt"/> at <see cref="CloseRetryDecision.DueAt"/>.</summary>
    RetryLater,

    /// <summary>The retries are spent: dead-letter.</summary>
    GiveUp,
}

public sealed record CloseRetryDecision(CloseRetryAction Action, int Attempt = 0, DateTimeOffset DueAt = default);

/// <summary>
/// What to do with a close that failed for a reason that may pass, on a given delivery of a given attempt (0: the
/// close scheduled with the order). Retry <c>n</c> waits between half and all of
/// <c>min(MaxDelay, BaseDelay · 2^n)</c> ("equal jitter"): spread, so that orders that failed together do not
/// retry together, yet never shorter than half, so the retries are sure to span at least half of
/// <see cref="TotalDelayCeiling"/>, and never longer, so they end within <see cref="CloseRetryOptions.MaxTotal"/>.
/// </summary>
public sealed class CloseRetryPolicy(IOptions<CloseRetryOptions> options, IRetryJitter jitter, TimeProvider clock)
{
    /// <summary>How many times a close is rescheduled before it gives up: as many as fit their ceilings into MaxTotal.</summary>
    public int MaxAttempts
    {
        get
        {
            var attempts = 0;
            var total = TimeSpan.Zero;
            while (total + DelayCeiling(attempts) <= options.Value.MaxTotal)
            {
                total += DelayCeiling(attempts);
                attempts++;
            }
            return attempts;
        }
    }

    /// <summary>The longest the delays of all retries can add up to; never above MaxTotal.</summary>
    public TimeSpan TotalDelayCeiling => Enumerable.Range(0, MaxAttempts).Aggregate(TimeSpan.Zero, (sum, n) => sum + DelayCeiling(n));

    public CloseRetryDecision Decide(int deliveryCount, int attempt)
    {
        if (deliveryCount <= options.Value.ImmediateDeliveries)
        {
            return new CloseRetryDecision(CloseRetryAction.Abandon);
        }
        if (attempt >= MaxAttempts)
        {
            return new CloseRetryDecision(CloseRetryAction.GiveUp, attempt);
        }
        var ceiling = DelayCeiling(attempt);
        var delay = ceiling / 2 + ceiling / 2 * Math.Clamp(jitter.NextFraction(), 0, 1);
        return new CloseRetryDecision(CloseRetryAction.RetryLater, attempt + 1, clock.GetUtcNow() + delay);
    }

    /// <summary>
    /// A close that found the buyer paying: attempt <paramref name="attempt"/> + 1 after
    /// <see cref="CloseRetryOptions.BuyerPayingDelay"/>, within the same attempt budget as failures.
    /// </summary>
    public CloseRetryDecision DecideRecheck(int attempt) => attempt >= MaxAttempts
        ? new CloseRetryDecision(CloseRetryAction.GiveUp, attempt)
        : new CloseRetryDecision(CloseRetryAction.RetryLater, attempt + 1, clock.GetUtcNow() + options.Value.BuyerPayingDelay);

    /// <summary>The longest wait before retry <paramref name="attempt"/> + 1: <c>min(MaxDelay, BaseDelay · 2^attempt)</c>.</summary>
    public TimeSpan DelayCeiling(int attempt)
    {
        var retry = options.Value;
        // In doubles: BaseDelay · 2^attempt overflows TimeSpan long before attempt stops growing.
        var ticks = Math.Min(retry.MaxDelay.Ticks, retry.BaseDelay.Ticks * Math.Pow(2, Math.Max(0, attempt)));
        return TimeSpan.FromTicks((long)ticks);
    }
}
