using System.Text.Json.Serialization;
using OrderClose.Orders;
using OrderClose.Orders.Events;

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
    [JsonConverter(typeof(UtcTimestampConverter))]
    public required DateTimeOffset PayDeadline { get; init; }
    public DateTimeOffset? PaidAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? CloseReason { get; init; }
    public bool RefundRequired { get; init; }

    /// <summary>The refund of a late payment; left out while there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RefundDocument? Refund { get; init; }

    /// <summary>The order's <see cref="Order.ScheduledCloseHandle"/>, under the field name it has always been stored as.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("closeSequenceNumber")]
    public long? ScheduledCloseHandle { get; init; }
    public required int SchemaVersion { get; init; }

    /// <summary>The outbox; left out while there is none (and in an event's copy of the order).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OrderEventDocument>? Events { get; init; }

    /// <summary>
    /// When the oldest unpublished event happened; left out when every event is published. Only what the sweep's query of
    /// pending events reads (CosmosPendingOrderEvents, SqlitePendingOrderEvents), so compared as a string and always written the same way.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? EventsPendingSince { get; init; }

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
        Refund = order.Refund is { } refund ? RefundDocument.From(refund) : null,
        ScheduledCloseHandle = order.ScheduledCloseHandle,
        SchemaVersion = order.SchemaVersion,
        Events = order.Events.Count == 0 ? null : order.Events.Select(OrderEventDocument.From).ToList(),
        EventsPendingSince = order.Events.PendingSince,
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
        Refund = Refund?.ToRefund(Currency),
        ScheduledCloseHandle = ScheduledCloseHandle,
        SchemaVersion = SchemaVersion,
        Events = Events is null ? OrderEventLog.Empty : OrderEventLog.Of(Events.Select(e => e.ToEvent())),
    };
}

/// <summary>
/// An order's refund as stored (<c>refund</c>): <c>status</c> one of <see cref="RefundStatusNames"/>, <c>amount</c> in the
/// order's currency's minor units. <c>requestedAt</c> is compared as a string by the sweep's query of stalled refunds, so
/// always written the same way.
/// </summary>
public sealed record RefundDocument
{
    public required string Status { get; init; }
    public required long Amount { get; init; }
    [JsonConverter(typeof(UtcTimestampConverter))]
    public required DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? ProviderRefundNo { get; init; }

    public static RefundDocument From(Refund refund) => new()
    {
        Status = RefundStatusNames.Name(refund.Status),
        Amount = refund.Amount.MinorUnits,
        RequestedAt = refund.RequestedAt,
        CompletedAt = refund.CompletedAt,
        ProviderRefundNo = refund.ProviderRefundNo,
    };

    public Refund ToRefund(string currency) => new(RefundStatusNames.Parse(Status), new Money(Amount, currency), RequestedAt)
    {
        CompletedAt = CompletedAt,
        ProviderRefundNo = ProviderRefundNo,
    };
}

/// <summary>An event in an order's outbox: its CloudEvents id and type, when it happened, the order it tells of, and when it was published.</summary>
public sealed record OrderEventDocument
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public required OrderDocument Order { get; init; }

    public static OrderEventDocument From(OrderEvent orderEvent) => new()
    {
        Id = orderEvent.Id,
        Type = orderEvent.Type,
        OccurredAt = orderEvent.OccurredAt,
        PublishedAt = orderEvent.PublishedAt,
        Order = OrderDocument.From(orderEvent.Order),
    };

    public OrderEvent ToEvent() => new(Id, Type, OccurredAt, Order.ToOrder()) { PublishedAt = PublishedAt };
}
