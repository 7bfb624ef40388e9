namespace OrderClose.Functions;

/// <summary>The body of <c>POST /api/orders</c>. Everything is nullable so a missing field is reported, not defaulted.</summary>
public sealed record CreateOrderRequest(
    string? OutTradeNo,
    long? Amount,
    string? Currency,
    string? PayType,
    string? Subject,
    int? PaymentTimeoutSeconds);
