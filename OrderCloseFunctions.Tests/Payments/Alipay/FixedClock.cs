namespace OrderClose.Tests.Payments.Alipay;

/// <summary>
/// A wall clock stopped at <paramref name="now"/>. Unlike FakeTimeProvider it leaves timers and timestamps real:
/// the resilience pipeline takes its timeouts and retry delays from the same TimeProvider.
/// </summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
