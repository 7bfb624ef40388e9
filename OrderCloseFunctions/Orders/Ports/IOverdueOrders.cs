namespace OrderClose.Orders.Ports;

/// <summary>
/// Finds orders still NEW whose pay deadline has passed: those whose close was lost (a purged queue, a dead letter).
/// Throws <see cref="DependencyUnavailableException"/> for failures that may pass.
/// </summary>
public interface IOverdueOrders
{
    /// <summary>
    /// One page of at most <paramref name="max"/> numbers of NEW orders due before <paramref name="cutoff"/>, from where
    /// <paramref name="continuation"/> (null: the start) left off. A page may be short, even empty, with more to come.
    /// </summary>
    Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken);
}

/// <param name="Continuation">Where the next page starts; null when there is none.</param>
public sealed record OverduePage(IReadOnlyList<string> OutTradeNos, string? Continuation);
