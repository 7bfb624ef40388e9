namespace OrderClose.Functions;

/// <summary>The body of <c>POST /api/orders/{outTradeNo}/payment</c>. Nullable, so a missing field is reported, not defaulted.</summary>
/// <param name="PayerClientIp">The buyer's IP address as the storefront saw it: required by channels such as WeChat Pay's <c>h5</c>.</param>
public sealed record StartPaymentRequest(string? Channel, string? ReturnUrl, string? PayerClientIp);
