using OrderClose.Orders;

namespace OrderClose.Tests.Orders;

/// <summary>Requests that differ from <see cref="TestOrders.Command"/> in one field each, named so a theory row says which.</summary>
public static class PlaceOrderVariants
{
    public static readonly string[] Differences = ["amount", "currency", "payType", "subject", "timeout"];

    /// <returns>The request, and the timeout it asks for.</returns>
    public static (PlaceOrderCommand Command, TimeSpan Timeout) Differing(string difference)
    {
        var same = TestOrders.Command();
        var command = difference switch
        {
            "amount" => same with { Amount = TestOrders.Amount with { MinorUnits = TestOrders.Amount.MinorUnits + 1 } },
            "currency" => same with { Amount = TestOrders.Amount with { Currency = "USD" } },
            "payType" => same with { PayType = "WECHATPAY" },
            "subject" => same with { Subject = "Black tea, 250 g" },
            "timeout" => same with { PaymentTimeout = TestOrders.Timeout + TimeSpan.FromMinutes(1) },
            _ => throw new ArgumentOutOfRangeException(nameof(difference), difference, null),
        };
        return (command, command.PaymentTimeout!.Value);
    }
}
