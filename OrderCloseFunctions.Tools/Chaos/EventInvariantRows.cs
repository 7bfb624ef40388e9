namespace OrderClose.Tools.Chaos;

/// <summary>The chaos table's rows for <see cref="EventInvariants"/>.</summary>
public static class EventInvariantRows
{
    public static IEnumerable<(string Name, string Value)> Of(EventInvariants? events) => events is null
        ? [("order events", "not checked")]
        :
        [
            ("order events in the topic (republished as duplicates)", $"{events.Events} ({events.Republished})"),
            ("webhook POSTs, events taken again", $"{events.WebhookPosts}, {events.WebhookTakenAgain}"),
            ("transitions without an event / with two ids", $"{events.TransitionsWithoutEvent} / {events.TransitionsWithTwoIds}"),
            ("events not matching the order", $"{events.EventsNotMatchingOrder}"),
            ("events the webhook never took", $"{events.EventsNotDelivered}"),
            ("webhook POSTs not authentic", $"{events.PostsNotAuthentic}"),
        ];
}
