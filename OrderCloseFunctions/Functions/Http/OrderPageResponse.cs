using OrderClose.Orders;

namespace OrderClose.Functions.Http;

/// <summary>
/// A page of orders as the HTTP API shows it: each order exactly as <c>GET /api/orders/{outTradeNo}</c> returns it, and
/// <c>continuationToken</c>, where the next page starts (null: this is the last).
/// </summary>
public sealed record OrderPageResponse(IReadOnlyList<OrderResponse> Orders, string? ContinuationToken)
{
    public static OrderPageResponse From(OrderPage page) => new([.. page.Orders.Select(OrderResponse.From)], page.Continuation);
}
