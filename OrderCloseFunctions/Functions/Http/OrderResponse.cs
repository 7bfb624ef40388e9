using OrderClose.Contracts;
using OrderClose.Orders;

namespace OrderClose.Functions.Http;

/// <summary>The order as the HTTP API shows it: camelCase, states in capitals, timestamps ISO 8601 UTC.</summary>
public sealed record OrderResponse(
    string OutTradeNo,
    string State,
    long Amount,
    string Currency,
    string PayType,
    string? Subject,
    DateTime CreatedAt,
    DateTime PayDeadline,
    DateTime? PaidAt,
    DateTime? ClosedAt,
    string? CloseReason,
    bool RefundRequired)
{
    public static OrderResponse From(Order order) => new(
        order.OutTradeNo,
        OrderStateNames.Name(order.State),
        order.Amount.MinorUnits,
        order.Amount.Currency,
        order.PayType,
        order.Subject,
        order.CreatedAt.UtcDateTime,
        order.PayDeadline.UtcDateTime,
        order.PaidAt?.UtcDateTime,
        order.ClosedAt?.UtcDateTime,
        order.CloseReason,
        order.RefundRequired);
}
