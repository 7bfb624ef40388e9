namespace OrderClose.Orders;

public enum RefundStatus
{
    /// <summary>A refund was asked for and has not come back from the provider yet.</summary>
    Pending,

    /// <summary>The provider paid the money back.</summary>
    Succeeded,

    /// <summary>The provider refused the refund for good, or its retries were spent: a person must look at it.</summary>
    Failed,

    /// <summary>Under <see cref="LatePaymentPolicy.Manual"/>: nobody asks the provider; a person refunds.</summary>
    Manual,
}

/// <summary>What happens to a payment that arrives after its order was cancelled (<c>Orders:LatePayments</c>).</summary>
public enum LatePaymentPolicy
{
    /// <summary>The money is refunded at the provider (<see cref="RefundStatus.Pending"/> until it comes back).</summary>
    Refund,

    /// <summary>The order is marked <see cref="RefundStatus.Manual"/>: a person refunds, no provider refund is asked for.</summary>
    Manual,
}

/// <summary>
/// The refund of a payment that arrived after the order was cancelled. <paramref name="Amount"/> is what was paid (the
/// order's amount); <see cref="ProviderRefundNo"/> is the provider's number for it once it succeeded.
/// </summary>
public sealed record Refund(RefundStatus Status, Money Amount, DateTimeOffset RequestedAt)
{
    public DateTimeOffset? CompletedAt { get; init; }
    public string? ProviderRefundNo { get; init; }

    public bool IsPending => Status == RefundStatus.Pending;

    /// <summary>The money is not back with the buyer yet: anything but <see cref="RefundStatus.Succeeded"/>.</summary>
    public bool IsOutstanding => Status != RefundStatus.Succeeded;
}
