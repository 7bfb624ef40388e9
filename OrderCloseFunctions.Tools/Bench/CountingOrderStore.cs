using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Bench;

/// <summary>Counts every call to the order store.</summary>
public sealed class CountingOrderStore(IOrderStore inner, CallCounts counts) : IOrderStore
{
    public Task<StoredOrder?> FindAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        counts.StoreOperation();
        return inner.FindAsync(outTradeNo, cancellationToken);
    }

    public Task<StoredOrder?> TryCreateAsync(Order order, CancellationToken cancellationToken)
    {
        counts.StoreOperation();
        return inner.TryCreateAsync(order, cancellationToken);
    }

    public Task<StoredOrder?> TryReplaceAsync(StoredOrder current, Order next, CancellationToken cancellationToken)
    {
        counts.StoreOperation();
        return inner.TryReplaceAsync(current, next, cancellationToken);
    }
}
