namespace OrderClose.Payments.Alipay;

/// <summary>Alipay's <c>trade_status</c> values, in query responses and notifications alike.</summary>
internal static class AlipayTradeStatus
{
    public const string WaitBuyerPay = "WAIT_BUYER_PAY";
    public const string TradeClosed = "TRADE_CLOSED";

    /// <summary>TRADE_SUCCESS is paid and still refundable; TRADE_FINISHED is paid and past the refund period.</summary>
    public static bool IsPaid(string? tradeStatus) => tradeStatus is "TRADE_SUCCESS" or "TRADE_FINISHED";
}
