using OrderClose.Orders.Ports;

namespace OrderClose.Payments;

/// <summary>The parts of a callback answer that the providers share.</summary>
public static class NotificationReplies
{
    /// <summary>The HTTP status for an outcome: a 2xx makes the provider stop sending; anything else makes it send again.</summary>
    public static int StatusOf(NotificationOutcome outcome) => outcome switch
    {
        NotificationOutcome.Accepted => 200,
        NotificationOutcome.NotAuthentic => 401,
        NotificationOutcome.UnknownOrder => 404,
        NotificationOutcome.AmountMismatch => 422,
        NotificationOutcome.Unavailable => 503,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>Alipay's answer (the sandbox uses it too): <c>success</c> or <c>failure</c> in plain text; only the body counts for Alipay.</summary>
    public static NotificationReply PlainText(NotificationOutcome outcome) =>
        new(StatusOf(outcome), outcome == NotificationOutcome.Accepted ? "success" : "failure", "text/plain");
}
