using OrderClose.Orders.Events;
using OrderClose.Tools.Bench;

namespace OrderClose.Tools.Chaos;

/// <summary>
/// The order events' promise, order by order: each transition (a move out of NEW, paid or cancelled; a refund outcome,
/// refund_succeeded or refund_failed) has exactly one event id in the runner's topic, of the type the order's final
/// state says, and every id in the topic was taken by the webhook at least once (more is allowed, and counted).
/// <paramref name="Republished"/>: publishes of an id the topic held already, dropped there as duplicates.
/// <paramref name="TransitionsWithTwoIds"/>: an order with more than one id for its move, or for its refund outcome.
/// <paramref name="EventsNotMatchingOrder"/>: an event for a transition the order did not make (paid on a CANCELLED order).
/// <paramref name="PostsNotAuthentic"/>: webhook POSTs whose signature did not verify.
/// </summary>
public sealed record EventInvariants(
    int Events,
    long Republished,
    long WebhookPosts,
    long WebhookTakenAgain,
    int TransitionsWithoutEvent,
    int TransitionsWithTwoIds,
    int EventsNotMatchingOrder,
    int EventsNotDelivered,
    long PostsNotAuthentic)
{
    private static readonly string[] Moves = [OrderEventTypes.Paid, OrderEventTypes.Cancelled];
    private static readonly string[] RefundOutcomes = [OrderEventTypes.RefundSucceeded, OrderEventTypes.RefundFailed];

    public int Violations => TransitionsWithoutEvent + TransitionsWithTwoIds + EventsNotMatchingOrder + EventsNotDelivered + (int)PostsNotAuthentic;

    /// <param name="finals">Each order as GET returned it at the end; an order that could not be read is not checked here (the driver's own invariant counts it).</param>
    public static EventInvariants From(BenchOrders orders, FinalOrder[] finals, OrderEventLedger ledger, WebhookDeliveries deliveries)
    {
        int withoutEvent = 0, twoIds = 0, notMatching = 0;
        for (var i = 0; i < finals.Length; i++)
        {
            if (finals[i].State is not { } state)
            {
                continue;
            }
            var events = ledger.Of(orders.Number(i));
            var move = state switch { "PAID" => OrderEventTypes.Paid, "CANCELLED" => OrderEventTypes.Cancelled, _ => null };
            var refund = finals[i].RefundStatus switch { "SUCCEEDED" => OrderEventTypes.RefundSucceeded, "FAILED" => OrderEventTypes.RefundFailed, _ => null };
            foreach (var (kinds, expected) in new[] { (Moves, move), (RefundOutcomes, refund) })
            {
                var ids = events.Where(e => kinds.Contains(e.Type)).ToList();
                if (ids.Count > 1)
                {
                    twoIds++;
                }
                else if (ids.Count == 1 && ids[0].Type != expected)
                {
                    notMatching++;
                }
                else if (ids.Count == 0 && expected is not null)
                {
                    withoutEvent++;
                }
            }
        }

        int count = 0, notDelivered = 0;
        long republished = 0, takenAgain = 0;
        foreach (var orderEvent in ledger.All)
        {
            count++;
            republished += orderEvent.Duplicates;
            var taken = deliveries.Taken.GetValueOrDefault(orderEvent.Id);
            notDelivered += taken == 0 ? 1 : 0;
            takenAgain += Math.Max(taken - 1, 0);
        }
        return new EventInvariants(count, republished, deliveries.Posts, takenAgain, withoutEvent, twoIds, notMatching, notDelivered, deliveries.NotAuthentic);
    }
}
