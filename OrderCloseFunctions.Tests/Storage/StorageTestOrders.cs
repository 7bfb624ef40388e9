using OrderClose.Orders;

namespace OrderClose.Tests.Storage;

/// <summary>Orders with unique numbers, so tests sharing one container never meet.</summary>
internal static class StorageTestOrders
{
    private static readonly DateTimeOffset CreatedAt = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(8));

    public static Order New() => new()
    {
        OutTradeNo = $"T{Guid.NewGuid():N}",
        State = OrderState.New,
        Amount = new Money(12_345, "CNY"),
        PayType = "ALIPAY",
        Subject = "Tea, 2 boxes",
        CreatedAt = CreatedAt,
        PayDeadline = CreatedAt.AddMinutes(30),
        ScheduledCloseHandle = 4_211,
    };

    /// <summary>Every optional field set: cancelled, then paid late, so it needs a refund, which succeeded.</summary>
    public static Order CancelledNeedingRefund() =>
        New().Cancel(CreatedAt.AddMinutes(31).AddTicks(7), "PAYMENT_TIMEOUT")
            .RecordLatePayment(CreatedAt.AddMinutes(32), LatePaymentPolicy.Refund)
            .CompleteRefund("RF2026112800001", CreatedAt.AddMinutes(33).AddTicks(3)) with
        {
            PaidAt = CreatedAt.AddMinutes(32),
        };
}
