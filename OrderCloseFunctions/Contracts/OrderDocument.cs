using OrderClose.Orders;

namespace OrderClose.Contracts;

/// <summary>
/// An order as stored: one document per order, <c>id</c> = outTradeNo (also the partition key of the Cosmos DB
/// <c>orders</c> container; the runner's SQLite store keeps the same JSON). Serialized camelCase by
/// <see cref="DocumentJson.Options"/>; the amount is in minor units.
/// </summary>
public sealed record OrderDocument
{
    public required string Id { get; init; }
    public required string State { get; init; }
    public required long Amount { get; init; }
    public required string Currency { get; init; }
    public required string PayType { get; init; }
    public string? Subject { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Compared as a string by the overdue query, so always written the same way.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(UtcTimestampConverter))]
    public required DateTimeOffset PayDeadline { get; init; }
    public DateTimeOffset? PaidAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? CloseReason { get; init; }
    public bool RefundRequired { get; init; }
    /// <summary>The order's <see cref="Order.ScheduledCloseHandle"/>, under the field name it has always been stored as.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("closeSequenceNumber")]
    public long? ScheduledCloseHandle { get; init; }
    public required int SchemaVersion { get; init; }

    public static OrderDocument From(Order order) => new()
    {
        Id = order.OutTradeNo,
        State = OrderStateNames.Name(order.State),
        Amount = order.Amount.MinorUnits,
        Currency = order.Amount.Currency,
        PayType = order.PayType,
        Subject = order.Subject,
        CreatedAt = order.CreatedAt,
        PayDeadline = order.PayDeadline,
        PaidAt = order.PaidAt,
        ClosedAt = order.ClosedAt,
        CloseReason = order.CloseReason,
        RefundRequired = order.RefundRequired,
        ScheduledCloseHandle = order.ScheduledCloseHandle,
        SchemaVersion = order.SchemaVersion,
    };

    public Order ToOrder() => new()
    {
        OutTradeNo = Id,
        State = OrderStateNames.Parse(State),
        Amount = new Money(Amount, Currency),
        PayType = PayType,
        Subject = Subject,
        CreatedAt = CreatedAt,
        PayDeadline = PayDeadline,
        PaidAt = PaidAt,
        ClosedAt = ClosedAt,
        CloseReason = CloseReason,
        RefundRequired = RefundRequired,
        ScheduledCloseHandle = ScheduledCloseHandle,
        SchemaVersion = SchemaVersion,
    };
}
