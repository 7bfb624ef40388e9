using OrderClose.Orders.Ports;

namespace OrderClose.Payments.WeChatPay;

/// <summary>WeChat Pay's <c>trade_state</c> values, as the app's trade states.</summary>
internal static class WeChatPayTradeStates
{
    public const string Success = "SUCCESS";

    /// <returns>Null for a state this code does not know: it is not guessed at.</returns>
    public static TradeState? ToTradeState(string? tradeState) => tradeState switch
    {
        // REFUND: paid, then (partly) refunded; the order was paid all the same.
        Success or "REFUND" => TradeState.Paid,
        // PAYERROR: the payment failed (e.g. the bank refused it); the trade is still open, so it is closed like an unpaid one.
        "NOTPAY" or "PAYERROR" => TradeState.AwaitingPayment,
        "CLOSED" or "REVOKED" => TradeState.Closed,
        "USERPAYING" => TradeState.BuyerPaying,
        _ => null,
    };
}
