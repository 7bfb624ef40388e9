namespace OrderClose.Payments.Alipay;

/// <summary>
/// The fields of an <c>alipay.trade.*</c> response that the app reads (snake_case on the wire): a query's trade status,
/// and a refund's <c>fund_change</c> (<c>Y</c>: the money moved now) or a refund query's <c>refund_status</c>.
/// </summary>
internal sealed record AlipayTradeResponse(
    string Code,
    string? Msg,
    string? SubCode,
    string? SubMsg,
    string? TradeStatus,
    string? SendPayDate,
    string? TradeNo = null,
    string? FundChange = null,
    string? RefundStatus = null,
    string? GmtRefundPay = null)
{
    public const string SuccessCode = "10000";

    public bool IsSuccess => Code == SuccessCode;
}
