using System.Globalization;

namespace OrderClose.Orders.Ports;

/// <summary>
/// A request to close <paramref name="OutTradeNo"/> at <paramref name="DueAt"/>.
/// <paramref name="MessageId"/> is what the queue deduplicates on.
/// </summary>
public sealed record CloseSchedule(string MessageId, string OutTradeNo, DateTimeOffset PayDeadline, DateTimeOffset DueAt)
{
    /// <summary>How many times this close was rescheduled after failures that may pass; 0 for the first.</summary>
    public int Attempt { get; init; }

    /// <summary>
    /// The close scheduled when the order is placed. Its id is the order number and the deadline: a repeated send of
    /// this close is dropped as a duplicate, but the close of a concurrent request with another deadline is not. One of
    /// the requests stores its order, and its own close must be in the queue whichever request sent first.
    /// </summary>
    public static CloseSchedule AtDeadline(Order order) =>
        new(DeadlineMessageId(order.OutTradeNo, order.PayDeadline), order.OutTradeNo, order.PayDeadline, order.PayDeadline);

    /// <summary><c>{outTradeNo}@{deadline, UTC, to the tick}</c>: at most 64 + 25 characters, within Service Bus' 128.</summary>
    public static string DeadlineMessageId(string outTradeNo, DateTimeOffset payDeadline) =>
        $"{outTradeNo}@{payDeadline.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fffffff'Z'", CultureInfo.InvariantCulture)}";

    /// <summary>How far past the deadline an early close is sent again, so that a small clock difference cannot bring it early twice.</summary>
    public static readonly TimeSpan ResendMargin = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A close that arrived before the deadline (<paramref name="earlySequenceNumber"/>), sent again for the deadline as
    /// the queue's clock sees it: <paramref name="queueClockLead"/> is how far the queue's clock ran ahead of ours.
    /// Its id is new for each early message, or duplicate detection would drop a resend that came early again; two
    /// copies of one early message still collapse into one.
    /// </summary>
    public static CloseSchedule Resent(Order order, long earlySequenceNumber, TimeSpan queueClockLead) =>
        new($"{order.OutTradeNo}@resend{earlySequenceNumber}", order.OutTradeNo, order.PayDeadline,
            order.PayDeadline + (queueClockLead > TimeSpan.Zero ? queueClockLead : TimeSpan.Zero) + ResendMargin);

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
