namespace OrderClose.Tools.Bench;

public enum PayOutcome : byte
{
    NotPaid,
    Paid,

    /// <summary>The cashier refused (409): the close came first, so the order must end CANCELLED.</summary>
    Refused,
    Failed,
}

/// <summary>An order as GET returned it at the end of the run; null fields when it could not be read.</summary>
public readonly record struct FinalOrder(string? State, DateTimeOffset PayDeadline, DateTimeOffset? ClosedAt, bool RefundRequired)
{
    /// <summary>The refund's status (<c>PENDING</c>, <c>SUCCEEDED</c>, …); null when there is none.</summary>
    public string? RefundStatus { get; init; }
}
