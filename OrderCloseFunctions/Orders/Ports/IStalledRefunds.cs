namespace OrderClose.Orders.Ports;

/// <summary>
/// Finds orders whose refund is still PENDING long after it was asked for: those whose refund request was never sent
/// (a failure right after the compare-and-set that recorded the late payment) or was lost. Throws
/// <see cref="DependencyUnavailableException"/> for failures that may pass.
/// </summary>
public interface IStalledRefunds
{
    /// <summary>
    /// One page of at most <paramref name="max"/> numbers of orders with a PENDING refund requested before
    /// <paramref name="cutoff"/>, oldest first, from where <paramref name="continuation"/> (null: the start) left off.
    /// </summary>
    Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken);
}
