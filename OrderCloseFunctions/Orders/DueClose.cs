namespace OrderClose.Orders;

/// <summary>
/// One delivery of a close request: the order to close and its deadline as the message says them, which retry it is
/// (<paramref name="Attempt"/>, 0 for the close scheduled with the order), and what the queue tells about the delivery.
/// </summary>
/// <param name="DeliveryCount">How many times the queue has delivered this message, this delivery included (1 the first time).</param>
/// <param name="QueueMessageNumber">The queue's number for the message, unique within the queue (Service Bus: its sequence number).</param>
/// <param name="QueueClockLead">How far the queue's clock runs ahead of ours, as far as this delivery shows; zero when it shows nothing.</param>
public sealed record DueClose(
    string OutTradeNo,
    DateTimeOffset PayDeadline,
    int Attempt,
    int DeliveryCount,
    long QueueMessageNumber,
    TimeSpan QueueClockLead);
