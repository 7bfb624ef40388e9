namespace OrderClose.Orders.Ports;

/// <summary>
/// Where orders live. Point operations only. Every method throws <see cref="DependencyUnavailableException"/>
/// for failures that may pass.
/// </summary>
public interface IOrderStore
{
    Task<StoredOrder?> FindAsync(string outTradeNo, CancellationToken cancellationToken);

    /// <summary>Stores a new order; null when an order with that number already exists.</summary>
    Task<StoredOrder?> TryCreateAsync(Order order, CancellationToken cancellationToken);

    /// <summary>Replaces <paramref name="current"/> with <paramref name="next"/> only if nobody changed it since it was read; null when somebody did.</summary>
    Task<StoredOrder?> TryReplaceAsync(StoredOrder current, Order next, CancellationToken cancellationToken);
}
