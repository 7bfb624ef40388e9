using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Functions.Http;

/// <summary>A started payment as the HTTP API shows it: where the buyer pays, and until when.</summary>
public sealed record PaymentStartResponse(
    string OutTradeNo,
    string PayType,
    string Channel,
    string PaymentUrl,
    string PaymentUrlKind,
    DateTime ExpiresAt)
{
    public static PaymentStartResponse From(Order order, string channel, PaymentStart payment) => new(
        order.OutTradeNo,
        order.PayType,
        channel,
        payment.Url.AbsoluteUri,
        payment.Kind == Orders.Ports.PaymentUrlKind.Code ? "CODE" : "REDIRECT",
        order.PayDeadline.UtcDateTime);
}
