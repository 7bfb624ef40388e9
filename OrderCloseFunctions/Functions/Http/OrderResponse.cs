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
    bool RefundRequired,
    RefundResponse? Refund)
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
        order.RefundRequired,
        order.Refund is { } refund ? RefundResponse.From(refund) : null);
}

/// <summary>The refund of a payment that came after the cancel: <c>amount</c> in the order's currency's minor units.</summary>
public sealed record RefundResponse(string Status, long Amount, DateTime RequestedAt, DateTime? CompletedAt, string? ProviderRefundNo)
{
    public static RefundResponse From(Refund refund) => new(
        RefundStatusNames.Name(refund.Status),
        refund.Amount.MinorUnits,
        refund.RequestedAt.UtcDateTime,
        refund.CompletedAt?.UtcDateTime,
        refund.ProviderRefundNo);
}
