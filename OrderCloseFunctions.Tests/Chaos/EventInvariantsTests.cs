using OrderClose.LocalRunner.Events;
using OrderClose.Orders.Events;
using OrderClose.Tools.Bench;
using OrderClose.Tools.Chaos;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.Chaos;

/// <summary>
/// The events' invariant on made-up topics and webhook receipts: every transition has exactly one event id, and every
/// id was taken by the webhook at least once; each way to break it is counted under its own name, and only there.
/// </summary>
public sealed class EventInvariantsTests
{
    private readonly BenchOrders _orders = new("E", 0.5);
    private long _sequence;

    [Fact]
    public void One_id_per_transition_each_taken_at_least_once_holds_and_a_second_take_is_only_counted()
    {
        FinalOrder[] finals = [Final("CANCELLED"), Final("PAID"), Final("CANCELLED", "SUCCEEDED"), Final("CANCELLED", "MANUAL")];
        TopicEvent[] topic =
        [
            Event(0, 1, OrderEventTypes.Cancelled), Event(1, 1, OrderEventTypes.Paid, duplicates: 2),
            Event(2, 1, OrderEventTypes.Cancelled), Event(2, 2, OrderEventTypes.RefundSucceeded), Event(3, 1, OrderEventTypes.Cancelled),
        ];

        var events = Check(finals, topic, Taken(topic, again: topic[1].Id), posts: 9);

        Assert.Equal(new EventInvariants(Events: 5, Republished: 2, WebhookPosts: 9, WebhookTakenAgain: 1, TransitionsWithoutEvent: 0,
            TransitionsWithTwoIds: 0, EventsNotMatchingOrder: 0, EventsNotDelivered: 0, PostsNotAuthentic: 0), events);
        Assert.Equal(0, events.Violations);
    }

    [Fact]
    public void An_event_the_webhook_never_took_is_a_violation()
    {
        TopicEvent[] topic = [Event(0, 1, OrderEventTypes.Cancelled), Event(1, 1, OrderEventTypes.Paid)];

        var events = Check([Final("CANCELLED"), Final("PAID")], topic, Taken(topic[..1]), posts: 1);

        Assert.Equal(1, events.EventsNotDelivered);
        Assert.Equal(1, events.Violations);
    }

    [Fact]
    public void Two_ids_for_one_move_or_for_one_refund_outcome_are_a_violation_each()
    {
        // 0: cancelled under two ids. 1: paid and cancelled, two moves out of NEW. 2: refund SUCCEEDED under two ids.
        TopicEvent[] topic =
        [
            Event(0, 1, OrderEventTypes.Cancelled), Event(0, 2, OrderEventTypes.Cancelled),
            Event(1, 1, OrderEventTypes.Paid), Event(1, 2, OrderEventTypes.Cancelled),
            Event(2, 1, OrderEventTypes.Cancelled), Event(2, 2, OrderEventTypes.RefundSucceeded), Event(2, 3, OrderEventTypes.RefundSucceeded),
        ];

        var events = Check([Final("CANCELLED"), Final("PAID"), Final("CANCELLED", "SUCCEEDED")], topic, Taken(topic), posts: 7);

        Assert.Equal(3, events.TransitionsWithTwoIds);
        Assert.Equal(3, events.Violations);
    }

    [Fact]
    public void A_transition_without_its_event_and_an_event_the_order_denies_are_violations()
    {
        // 0: CANCELLED, no event. 1: refund FAILED, no refund event. 2: PAID but its event says cancelled.
        // 3: refund MANUAL, yet a refund_succeeded event. 4: still NEW (counted by the drive's own invariant), no event.
        TopicEvent[] topic =
        [
            Event(1, 1, OrderEventTypes.Cancelled), Event(2, 1, OrderEventTypes.Cancelled),
            Event(3, 1, OrderEventTypes.Cancelled), Event(3, 2, OrderEventTypes.RefundSucceeded),
        ];
        FinalOrder[] finals = [Final("CANCELLED"), Final("CANCELLED", "FAILED"), Final("PAID"), Final("CANCELLED", "MANUAL"), Final("NEW")];

        var events = Check(finals, topic, Taken(topic), posts: 4);

        Assert.Equal((2, 2), (events.TransitionsWithoutEvent, events.EventsNotMatchingOrder));
        Assert.Equal(4, events.Violations);
    }

    [Fact]
    public void A_post_whose_signature_did_not_verify_is_a_violation_and_the_report_adds_the_events_violations()
    {
        TopicEvent[] topic = [Event(0, 1, OrderEventTypes.Cancelled)];
        var events = Check([Final("CANCELLED")], topic, Taken(topic) with { NotAuthentic = 2 }, posts: 3);

        var report = ChaosReport.From(ChaosOptions.Default with { Run = ChaosOptions.Default.Run with { Orders = 1 } }, _orders, [true],
            [PayOutcome.NotPaid], [Final("CANCELLED")], [null], new ChaosCounts(), new Dictionary<string, long>(), 0, 0, true, 1, events: events);

        Assert.Equal(2, events.Violations);
        Assert.Equal(events, report.Events);
        Assert.Equal(report.Invariants.Violations + 2, report.Violations);
        Assert.Matches(@"webhook POSTs not authentic\s+2", report.ToTable());
        Assert.Matches(@"events the webhook never took\s+0", report.ToTable());
    }

    private EventInvariants Check(FinalOrder[] finals, TopicEvent[] topic, WebhookDeliveries deliveries, long posts) =>
        EventInvariants.From(_orders, finals, OrderEventLedger.Of(topic), deliveries with { Posts = posts });

    private static WebhookDeliveries Taken(IEnumerable<TopicEvent> topic, string? again = null) =>
        new(0, 0, topic.ToDictionary(e => e.Id, e => e.Id == again ? 2 : 1));

    private TopicEvent Event(int order, int sequence, string type, long duplicates = 0)
    {
        var outTradeNo = _orders.Number(order);
        return new TopicEvent(++_sequence, OrderEvent.IdOf(outTradeNo, sequence, type), type, outTradeNo, "{}", duplicates);
    }

    private static FinalOrder Final(string state, string? refund = null) =>
        new(state, TestOrders.Deadline, null, refund is not null) { RefundStatus = refund };
}
