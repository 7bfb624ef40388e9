namespace OrderClose.Payments.WeChatPay;

/// <summary>
/// The fields of a WeChat Pay transaction that the app reads, from a query answer or a callback's decrypted
/// <c>resource</c> (snake_case on the wire). The payer's fields are left unread on purpose.
/// </summary>
internal sealed record WeChatPayTransaction(
    string? Appid,
    string? Mchid,
    string? OutTradeNo,
    string? TransactionId,
    string? TradeState,
    string? SuccessTime,
    WeChatPayAmount? Amount);

/// <param name="Total">In fen.</param>
internal sealed record WeChatPayAmount(long? Total, string? Currency);
