using System.Collections.Concurrent;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.EndToEnd;

/// <summary>Wraps the runner's order store and counts, per order, the stored moves out of NEW.</summary>
public sealed class TransitionLog
{
    private readonly ConcurrentDictionary<string, int> _moves = new(StringComparer.Ordinal);

    public int MovesOf(string outTradeNo) => _moves.GetValueOrDefault(outTradeNo);

    public IOrderStore Wrap(IOrderStore inner) => new Store(inner, this);

    private sealed class Store(IOrderStore inner, TransitionLog log) : IOrderStore
    {
        public Task<StoredOrder?> FindAsync(string outTradeNo, CancellationToken cancellationToken) => inner.FindAsync(outTradeNo, cancellationToken);

        public Task<StoredOrder?> TryCreateAsync(Order order, CancellationToken cancellationToken) => inner.TryCreateAsync(order, cancellationToken);

        public async Task<StoredOrder?> TryReplaceAsync(StoredOrder current, Order next, CancellationToken cancellationToken)
        {
            var replaced = await inner.TryReplaceAsync(current, next, cancellationToken);
            if (replaced is not null && current.Order.State == OrderState.New && next.State != OrderState.New)
            {
                log._moves.AddOrUpdate(next.OutTradeNo, 1, (_, moves) => moves + 1);
            }
            return replaced;
        }
    }
}
