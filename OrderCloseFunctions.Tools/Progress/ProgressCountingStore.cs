using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Progress;

/// <summary>Counts the orders the store created, and the moves out of NEW it made, by where they went.</summary>
public sealed class ProgressCountingStore(IOrderStore inner, ProgressCounts counts) : IOrderStore
{
    public Task<StoredOrder?> FindAsync(string outTradeNo, CancellationToken cancellationToken) => inner.FindAsync(outTradeNo, cancellationToken);

    public async Task<StoredOrder?> TryCreateAsync(Order order, CancellationToken cancellationToken)
    {
        var created = await inner.TryCreateAsync(order, cancellationToken);
        if (created is not null)
        {
            counts.Placement();
        }
        return created;
    }

    public async Task<StoredOrder?> TryReplaceAsync(StoredOrder current, Order next, CancellationToken cancellationToken)
    {
        var replaced = await inner.TryReplaceAsync(current, next, cancellationToken);
        if (replaced is not null && current.Order.State == OrderState.New)
        {
            switch (next.State)
            {
                case OrderState.Paid:
                    counts.Payment();
                    break;
                case OrderState.Cancelled:
                    counts.Close();
                    break;
            }
        }
        return replaced;
    }
}
