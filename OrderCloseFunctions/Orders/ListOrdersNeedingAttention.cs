using Microsoft.Extensions.Options;
using OrderClose.Orders.Ports;

namespace OrderClose.Orders;

/// <summary>What an operator looks for with <see cref="ListOrdersNeedingAttention"/>.</summary>
public enum Attention
{
    /// <summary>Orders whose late payment is not refunded yet (<see cref="Refund.IsOutstanding"/>), the oldest request first.</summary>
    Refund,

    /// <summary>
    /// Orders still NEW past their deadline and <see cref="SweepOptions.Grace"/>: their close was lost, and the sweep will
    /// take them (these are the orders it takes). The earliest deadline first.
    /// </summary>
    Overdue,
}

/// <param name="Continuation">Where the next page starts; null when there is none.</param>
public sealed record OrderPage(IReadOnlyList<Order> Orders, string? Continuation);

/// <summary>
/// An operator's view of the orders that need a look: a page of orders with an outstanding refund, or of overdue NEW
/// orders, through the same queries the sweep uses (<see cref="IOverdueOrders"/>) or their like (<see cref="IOutstandingRefunds"/>).
/// Each order listed is read again and listed only if it still needs attention, so a page may be short. Changes nothing.
/// </summary>
public sealed class ListOrdersNeedingAttention(
    IOutstandingRefunds refunds,
    IOverdueOrders overdue,
    IOrderStore store,
    IOptions<SweepOptions> sweep,
    TimeProvider clock)
{
    private const int ConcurrentReads = 16;

    /// <param name="continuation">A continuation of an earlier page of the same <paramref name="attention"/>; null for the first page.</param>
    /// <exception cref="InvalidContinuationException">The continuation is not one this list made for <paramref name="attention"/>.</exception>
    public async Task<OrderPage> ListAsync(Attention attention, int max, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var cursor = continuation is null
            ? new AttentionCursor(attention, clock.GetUtcNow() - sweep.Value.Grace, null)
            : AttentionCursor.Parse(attention, continuation);

        var page = attention == Attention.Refund
            ? await refunds.FindAsync(max, cursor.Store, cancellationToken)
            : await overdue.FindAsync(cursor.Cutoff, max, cursor.Store, cancellationToken);

        var orders = await ReadAsync(page.OutTradeNos, cancellationToken);
        return new OrderPage(
            [.. orders.OfType<Order>().Where(order => NeedsAttention(attention, order, cursor.Cutoff))],
            page.Continuation is null ? null : (cursor with { Store = page.Continuation }).ToString());
    }

    private static bool NeedsAttention(Attention attention, Order order, DateTimeOffset cutoff) => attention == Attention.Refund
        ? order.Refund is { IsOutstanding: true }
        : order.State == OrderState.New && order.PayDeadline < cutoff;

    /// <summary>The orders as they stand now, in the page's order; null for one that is gone.</summary>
    private async Task<Order?[]> ReadAsync(IReadOnlyList<string> outTradeNos, CancellationToken cancellationToken)
    {
        var orders = new Order?[outTradeNos.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, outTradeNos.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentReads, CancellationToken = cancellationToken },
            async (index, token) => orders[index] = (await store.FindAsync(outTradeNos[index], token))?.Order);
        return orders;
    }
}
