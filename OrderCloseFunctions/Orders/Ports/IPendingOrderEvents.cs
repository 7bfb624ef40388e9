namespace OrderClose.Orders.Ports;

/// <summary>
/// Finds orders with events still unpublished: those whose publish failed, or whose process stopped between the
/// transition and the publish. Throws <see cref="DependencyUnavailableException"/> for failures that may pass.
/// </summary>
public interface IPendingOrderEvents
{
    /// <summary>
    /// One page of at most <paramref name="max"/> numbers of orders with an event unpublished since before
    /// <paramref name="cutoff"/>, oldest first, from where <paramref name="continuation"/> (null: the start) left off.
    /// A page may be short, even empty, with more to come.
    /// </summary>
    Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken);
}
