namespace OrderClose.Tools.Chaos;

/// <summary>The chaos table's rows for <see cref="EventInvariants"/>.</summary>
public static class EventInvariantRows
{
    /// <param name="indent">Before each name: none for the whole run, some for a pay type's rows.</param>
    public static IEnumerable<(string Name, string Value)> Of(EventInvariants? events, string indent = "") => events is null
        ? [($"{indent}order events", "not checked")]
        :
        [
            ($"{indent}order events in the topic (republished as duplicates)", $"{events.Events} ({events.Republished})"),
            ($"{indent}webhook POSTs, events taken again", $"{events.WebhookPosts}, {events.WebhookTakenAgain}"),
            ($"{indent}transitions without an event / with two ids", $"{events.TransitionsWithoutEvent} / {events.TransitionsWithTwoIds}"),
            ($"{indent}events not matching the order", $"{events.EventsNotMatchingOrder}"),
            ($"{indent}events the webhook never took", $"{events.EventsNotDelivered}"),
            ($"{indent}webhook POSTs not authentic", $"{events.PostsNotAuthentic}"),
        ];
}
