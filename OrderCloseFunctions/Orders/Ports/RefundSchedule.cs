namespace OrderClose.Orders.Ports;

/// <summary>
/// A request to refund the late payment of <paramref name="OutTradeNo"/> at <paramref name="DueAt"/>, as attempt
/// <paramref name="Attempt"/> (0: the first). <paramref name="MessageId"/> is what the queue deduplicates on:
/// <c>R{outTradeNo}@{attempt}</c>, so a repeated send of one attempt is dropped, and each retry is a message of its own.
/// </summary>
public sealed record RefundSchedule(string MessageId, string OutTradeNo, int Attempt, DateTimeOffset DueAt)
{
    /// <summary>The first request, sent by the compare-and-set that records the late payment, and again by the sweep.</summary>
    public static RefundSchedule First(string outTradeNo, DateTimeOffset now) => Retry(outTradeNo, 0, now);

    public static RefundSchedule Retry(string outTradeNo, int attempt, DateTimeOffset dueAt) =>
        new($"R{outTradeNo}@{attempt}", outTradeNo, attempt, dueAt);
}
