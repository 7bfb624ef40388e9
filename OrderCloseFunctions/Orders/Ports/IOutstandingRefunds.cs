namespace OrderClose.Orders.Ports;

/// <summary>
/// Finds orders whose late payment has not been refunded yet: refund PENDING, FAILED or MANUAL (<see cref="Refund.IsOutstanding"/>),
/// the money a person may have to act on. Throws <see cref="DependencyUnavailableException"/> for failures that may pass,
/// and <see cref="InvalidContinuationException"/> for a continuation it did not make.
/// </summary>
public interface IOutstandingRefunds
{
    /// <summary>
    /// One page of at most <paramref name="max"/> numbers of orders with an outstanding refund, the oldest request first,
    /// from where <paramref name="continuation"/> (null: the start) left off. A page may be short, even empty, with more to come.
    /// </summary>
    Task<OverduePage> FindAsync(int max, string? continuation, CancellationToken cancellationToken);
}
