using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Bench;

/// <summary>Counts every call to the order store, by operation.</summary>
public sealed class CountingOrderStore(IOrderStore inner, CallCounts counts) : IOrderStore
{
    public Task<StoredOrder?> FindAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        counts.Find();
        return inner.FindAsync(outTradeNo, cancellationToken);
    }

    public Task<StoredOrder?> TryCreateAsync(Order order, CancellationToken cancellationToken)
    {
        counts.Create();
        return inner.TryCreateAsync(order, cancellationToken);
    }

    public Task<StoredOrder?> TryReplaceAsync(StoredOrder current, Order next, CancellationToken cancellationToken)
    {
        counts.Replace();
        return inner.TryReplaceAsync(current, next, cancellationToken);
    }
}
