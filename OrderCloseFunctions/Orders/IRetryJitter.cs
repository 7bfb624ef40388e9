namespace OrderClose.Orders;

/// <summary>Where retry delays get their randomness, so tests can fix it.</summary>
public interface IRetryJitter
{
    /// <returns>A number from 0 to 1.</returns>
    double NextFraction();
}

public sealed class RandomRetryJitter : IRetryJitter
{
    public double NextFraction() => Random.Shared.NextDouble();
}
