using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Faults;

/// <summary>
/// The order store with faults: errors, timeouts (a hang, then an error), and lost ETag races (a replace that
/// answers "somebody changed it" without writing, as if a concurrent write had left the same state).
/// </summary>
public sealed class FaultyOrderStore(IOrderStore inner, FaultPlan plan) : IOrderStore
{
    public async Task<StoredOrder?> FindAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        await MaybeFailAsync(outTradeNo, cancellationToken);
        return await inner.FindAsync(outTradeNo, cancellationToken);
    }

    public async Task<StoredOrder?> TryCreateAsync(Order order, CancellationToken cancellationToken)
    {
        await MaybeFailAsync(order.OutTradeNo, cancellationToken);
        return await inner.TryCreateAsync(order, cancellationToken);
    }

    public async Task<StoredOrder?> TryReplaceAsync(StoredOrder current, Order next, CancellationToken cancellationToken)
    {
        await MaybeFailAsync(next.OutTradeNo, cancellationToken);
        if (plan.Strikes(FaultKinds.StoreLostRace, next.OutTradeNo))
        {
            return null;
        }
        return await inner.TryReplaceAsync(current, next, cancellationToken);
    }

    private async Task MaybeFailAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        if (plan.Strikes(FaultKinds.StoreError, outTradeNo))
        {
            throw new DependencyUnavailableException($"Injected fault: the store failed on order {outTradeNo}.");
        }
        if (plan.Strikes(FaultKinds.StoreTimeout, outTradeNo))
        {
            await Task.Delay(plan.Options.TimeoutDelay, cancellationToken);
            throw new DependencyUnavailableException($"Injected fault: the store timed out on order {outTradeNo}.");
        }
    }
}
