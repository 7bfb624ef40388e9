using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Chaos;

/// <summary>Counts, per order, the replaces the store made that moved it out of NEW.</summary>
public sealed class TransitionCountingStore(IOrderStore inner, ChaosCounts counts) : IOrderStore
{
    public Task<StoredOrder?> FindAsync(string outTradeNo, CancellationToken cancellationToken) => inner.FindAsync(outTradeNo, cancellationToken);

    public Task<StoredOrder?> TryCreateAsync(Order order, CancellationToken cancellationToken) => inner.TryCreateAsync(order, cancellationToken);

    public async Task<StoredOrder?> TryReplaceAsync(StoredOrder current, Order next, CancellationToken cancellationToken)
    {
        var replaced = await inner.TryReplaceAsync(current, next, cancellationToken);
        if (replaced is not null && current.Order.State == OrderState.New && next.State != OrderState.New)
        {
            counts.Moved(next.OutTradeNo);
        }
        return replaced;
    }
}
