using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.Support;

public static class TestOrders
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static Order New(string outTradeNo = "T1001", DateTimeOffset? deadline = null, string payType = "ALIPAY") => new()
    {
        OutTradeNo = outTradeNo,
        State = OrderState.New,
        Amount = new Money(1999, "CNY"),
        PayType = payType,
        Subject = "Tea",
        CreatedAt = Now.AddMinutes(-30),
        PayDeadline = deadline ?? Now,
        CloseSequenceNumber = 42,
    };

    public static StoredOrder Stored(Order order, string etag = "\"1\"") => new(order, etag);
}
