using OrderClose.Orders;

namespace OrderClose.Tests.TestDoubles;

/// <summary>Jitter that always draws <see cref="Fraction"/>: 0 and 1 are the extremes a retry schedule must survive.</summary>
public sealed class FixedJitter(double fraction) : IRetryJitter
{
    public double Fraction { get; set; } = fraction;

    public double NextFraction() => Fraction;
}
