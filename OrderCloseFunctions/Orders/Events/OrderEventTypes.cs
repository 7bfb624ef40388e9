namespace OrderClose.Orders.Events;

/// <summary>The CloudEvents <c>type</c> of each order event: the contract subscriptions filter on (the Service Bus <c>Subject</c>).</summary>
public static class OrderEventTypes
{
    public const string Prefix = "orderclose.order.";
    public const string Paid = Prefix + "paid";
    public const string Cancelled = Prefix + "cancelled";
    public const string RefundSucceeded = Prefix + "refund_succeeded";
    public const string RefundFailed = Prefix + "refund_failed";

    public static readonly IReadOnlyList<string> All = [Paid, Cancelled, RefundSucceeded, RefundFailed];
}
