namespace OrderClose.Orders.Events;

/// <summary>
/// Something that happened to an order, kept in the order itself (the outbox) until it is published.
/// <paramref name="Id"/> is deterministic per transition (<see cref="IdOf"/>), so publishing it again is a duplicate, not a
/// second event. <paramref name="Order"/> is the order as that transition left it, without its events.
/// </summary>
public sealed record OrderEvent(string Id, string Type, DateTimeOffset OccurredAt, Order Order)
{
    /// <summary>When it was marked published; null while it waits in the outbox.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    public bool IsPublished => PublishedAt is not null;

    /// <summary>
    /// <c>{outTradeNo}:{sequence}:{name}</c>, e.g. <c>T1:1:paid</c>. The sequence is the event's place among the order's
    /// events: only the compare-and-set that wins a version appends one, so it names one transition for good.
    /// </summary>
    public static string IdOf(string outTradeNo, int sequence, string type) =>
        $"{outTradeNo}:{sequence}:{type[OrderEventTypes.Prefix.Length..]}";
}
