using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.Orders;

/// <summary>One order as placed, and the same order in each state; tests vary it with <c>with</c>.</summary>
public static class TestOrders
{
    public const string Number = "T20250301-0001";
    public const string PayType = "ALIPAY";
    public const string Subject = "Green tea, 250 g";
    public const long ScheduledCloseHandle = 4711;

    public static readonly Money Amount = new(1999, "CNY");
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);
    public static readonly DateTimeOffset PlacedAt = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Deadline = PlacedAt + Timeout;
    public static readonly DateTimeOffset PaidAt = PlacedAt + TimeSpan.FromMinutes(7);

    public static PlaceOrderCommand Command() => new(Number, Amount, PayType, Subject, Timeout);

    public static Order New() => Order.Place(Command(), PlacedAt, Timeout) with { ScheduledCloseHandle = ScheduledCloseHandle };

    /// <summary>The test order under another number and deadline (and pay type).</summary>
    public static Order New(string number, DateTimeOffset deadline, string payType = PayType) =>
        New() with { OutTradeNo = number, PayDeadline = deadline, PayType = payType };

    public static StoredOrder Stored(Order order, string etag = "\"1\"") => new(order, etag);

    public static Order Paid() => New().MarkPaid(PaidAt);

    public static Order Cancelled() => New().Cancel(Deadline, CloseUnpaidOrder.PaymentTimeoutReason);

    public static Order In(OrderState state) => state switch
    {
        OrderState.New => New(),
        OrderState.Paid => Paid(),
        OrderState.Cancelled => Cancelled(),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
