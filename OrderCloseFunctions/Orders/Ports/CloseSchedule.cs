namespace OrderClose.Orders.Ports;

/// <summary>
/// A request to close <paramref name="OutTradeNo"/> at <paramref name="DueAt"/>.
/// <paramref name="MessageId"/> is what the queue deduplicates on.
/// </summary>
public sealed record CloseSchedule(string MessageId, string OutTradeNo, DateTimeOffset PayDeadline, DateTimeOffset DueAt)
{
    /// <summary>How many times this close was rescheduled after failures that may pass; 0 for the first.</summary>
    public int Attempt { get; init; }

    /// <summary>The close scheduled when the order is placed: its id is the order number, so a repeated send is dropped as a duplicate.</summary>
    public static CloseSchedule AtDeadline(Order order) =>
        new(order.OutTradeNo, order.OutTradeNo, order.PayDeadline, order.PayDeadline);

    /// <summary>
    /// A close that arrived before the deadline, sent again for the deadline. Its id differs from the
    /// original's, or duplicate detection would drop it; two early copies of one message still collapse into one.
    /// </summary>
    public static CloseSchedule Resent(Order order) =>
        new($"{order.OutTradeNo}@{order.PayDeadline.ToUnixTimeMilliseconds()}", order.OutTradeNo, order.PayDeadline, order.PayDeadline);

    /// <summary>
    /// A close rescheduled after a failure that may pass. Each attempt has its own id, or duplicate detection would
    /// drop it; two copies of one failing attempt still collapse into one retry.
    /// </summary>
    public static CloseSchedule Retry(string outTradeNo, DateTimeOffset payDeadline, int attempt, DateTimeOffset dueAt) =>
        new($"{outTradeNo}#retry{attempt}", outTradeNo, payDeadline, dueAt) { Attempt = attempt };

    /// <summary>A dead-lettered close sent again for now, as a new first attempt; its id is new for each dead letter.</summary>
    public static CloseSchedule Redriven(string outTradeNo, DateTimeOffset payDeadline, long deadLetterSequenceNumber, DateTimeOffset now) =>
        new($"{outTradeNo}#redrive{deadLetterSequenceNumber}", outTradeNo, payDeadline, now);
}
