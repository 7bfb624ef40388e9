using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Payments;

internal static class UnclosableTrades
{
    /// <summary>
    /// A provider refused to close a trade as paid or closed already; its own (signed) query says which. A trade it
    /// will not close yet still shows open is a failure that may pass: the close runs again.
    /// </summary>
    public static async Task<TradeCloseResult> DecideAsync(IPaymentProvider provider, string outTradeNo, CancellationToken cancellationToken)
    {
        var trade = await provider.QueryAsync(outTradeNo, cancellationToken);
        return trade.State switch
        {
            TradeState.Paid => TradeCloseResult.AlreadyPaid,
            TradeState.Closed => TradeCloseResult.Closed,
            _ => throw new DependencyUnavailableException(
                $"{provider.PayType} would not close {outTradeNo}, yet the trade is {trade.State}; the close must run again."),
        };
    }
}
