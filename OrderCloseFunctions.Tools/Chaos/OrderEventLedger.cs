using OrderClose.LocalRunner.Events;
using OrderClose.Orders.Events;

namespace OrderClose.Tools.Chaos;

/// <summary>The runner's local event topic, read whole after a run: each order's event ids, by type.</summary>
public sealed class OrderEventLedger
{
    private const int Page = 1000;

    private readonly Dictionary<string, List<TopicEvent>> _byOrder = new(StringComparer.Ordinal);

    /// <summary>Every event, by order.</summary>
    public IEnumerable<TopicEvent> All => _byOrder.Values.SelectMany(events => events);

    /// <summary>The events of <paramref name="outTradeNo"/>, in topic order.</summary>
    public IReadOnlyList<TopicEvent> Of(string outTradeNo) => _byOrder.GetValueOrDefault(outTradeNo) ?? [];

    /// <summary>The ids of the order's moves out of NEW (paid, cancelled): one per move, as each move writes its event.</summary>
    public IReadOnlyList<string> TransitionIds(string outTradeNo) =>
        [.. Of(outTradeNo).Where(e => e.Type is OrderEventTypes.Paid or OrderEventTypes.Cancelled).Select(e => e.Id)];

    public static async Task<OrderEventLedger> ReadAsync(SqliteEventTopic topic)
    {
        var all = new List<TopicEvent>();
        while (await topic.ReadAsync(all.Count == 0 ? 0 : all[^1].Sequence, Page) is { Count: > 0 } events)
        {
            all.AddRange(events);
        }
        return Of(all);
    }

    /// <param name="events">The topic's events, in topic order.</param>
    public static OrderEventLedger Of(IEnumerable<TopicEvent> events)
    {
        var ledger = new OrderEventLedger();
        foreach (var orderEvent in events)
        {
            if (!ledger._byOrder.TryGetValue(orderEvent.Subject, out var list))
            {
                ledger._byOrder[orderEvent.Subject] = list = [];
            }
            list.Add(orderEvent);
        }
        return ledger;
    }
}
