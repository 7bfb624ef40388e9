using System.Collections;
using System.Collections.Immutable;

namespace OrderClose.Orders.Events;

/// <summary>An order's events, oldest first, compared by value so that orders stay comparable records.</summary>
public sealed class OrderEventLog : IReadOnlyList<OrderEvent>, IEquatable<OrderEventLog>
{
    public static readonly OrderEventLog Empty = new(ImmutableArray<OrderEvent>.Empty);

    private readonly ImmutableArray<OrderEvent> _events;

    private OrderEventLog(ImmutableArray<OrderEvent> events) => _events = events;

    public static OrderEventLog Of(IEnumerable<OrderEvent> events) => new([.. events]);

    public int Count => _events.Length;

    public OrderEvent this[int index] => _events[index];

    public IEnumerable<OrderEvent> Unpublished => _events.Where(e => !e.IsPublished);

    /// <summary>When the oldest unpublished event happened; null when all are published.</summary>
    public DateTimeOffset? PendingSince => Unpublished.Select(e => (DateTimeOffset?)e.OccurredAt).Min();

    public OrderEventLog Append(OrderEvent orderEvent) => new(_events.Add(orderEvent));

    public OrderEventLog MarkPublished(IReadOnlyCollection<string> ids, DateTimeOffset publishedAt) =>
        new(_events.Select(e => !e.IsPublished && ids.Contains(e.Id) ? e with { PublishedAt = publishedAt } : e).ToImmutableArray());

    public IEnumerator<OrderEvent> GetEnumerator() => ((IEnumerable<OrderEvent>)_events).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(OrderEventLog? other) => other is not null && _events.SequenceEqual(other._events);

    public override bool Equals(object? obj) => Equals(obj as OrderEventLog);

    public override int GetHashCode() => _events.Length;
}
