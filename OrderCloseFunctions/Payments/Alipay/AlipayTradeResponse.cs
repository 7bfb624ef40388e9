namespace OrderClose.Payments.Alipay;

/// <summary>The fields of an <c>alipay.trade.*</c> response that the app reads (snake_case on the wire).</summary>
internal sealed record AlipayTradeResponse(
    string Code,
    string? Msg,
    string? SubCode,
    string? SubMsg,
    string? TradeStatus,
    string? SendPayDate)
{
    public const string SuccessCode = "10000";

    public bool IsSuccess => Code == SuccessCode;
}
