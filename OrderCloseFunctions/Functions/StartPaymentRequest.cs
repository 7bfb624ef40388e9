namespace OrderClose.Functions;

/// <summary>The body of <c>POST /api/orders/{outTradeNo}/payment</c>. Nullable, so a missing field is reported, not defaulted.</summary>
public sealed record StartPaymentRequest(string? Channel, string? ReturnUrl);
