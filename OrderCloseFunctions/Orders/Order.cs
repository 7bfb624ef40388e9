using OrderClose.Orders.Events;

namespace OrderClose.Orders;

/// <summary>An order as the storefront placed it, and where it stands now.</summary>
public sealed record Order
{
    public const int CurrentSchemaVersion = 1;

    public required string OutTradeNo { get; init; }
    public required OrderState State { get; init; }
    public required Money Amount { get; init; }
    public required string PayType { get; init; }
    public string? Subject { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset PayDeadline { get; init; }
    public DateTimeOffset? PaidAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? CloseReason { get; init; }

    /// <summary>Set when a payment arrived after the order was cancelled: the money must go back.</summary>
    public bool RefundRequired { get; init; }

    /// <summary>How that money goes back (<see cref="RecordLatePayment"/>); null while no payment came late.</summary>
    public Refund? Refund { get; init; }

    /// <summary>
    /// What the close scheduler answered when the close was scheduled: the handle a payment cancels it with. Stored as
    /// <c>closeSequenceNumber</c> (the Service Bus sequence number it is), so documents written before the rename still read.
    /// </summary>
    public long? ScheduledCloseHandle { get; init; }

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>
    /// The outbox: one event per move out of NEW and per refund outcome, written in the same compare-and-set as the move,
    /// published afterwards by <see cref="OrderEventOutbox"/>.
    /// </summary>
    public OrderEventLog Events { get; init; } = OrderEventLog.Empty;

    public TimeSpan PaymentTimeout => PayDeadline - CreatedAt;

    public static Order Place(PlaceOrderCommand command, DateTimeOffset now, TimeSpan paymentTimeout) => new()
    {
        OutTradeNo = command.OutTradeNo,
        State = OrderState.New,
        Amount = command.Amount,
        PayType = command.PayType,
        Subject = command.Subject,
        CreatedAt = now,
        PayDeadline = now + paymentTimeout,
    };

    /// <summary>True when <paramref name="command"/> asks for this very order (a retry), false when it asks for another one under the same number.</summary>
    public bool IsPlacedBy(PlaceOrderCommand command, TimeSpan paymentTimeout) =>
        OutTradeNo == command.OutTradeNo
        && Amount == command.Amount
        && string.Equals(PayType, command.PayType, StringComparison.Ordinal)
        && string.Equals(Subject, command.Subject, StringComparison.Ordinal)
        && PaymentTimeout == paymentTimeout;

    public Order MarkPaid(DateTimeOffset paidAt) => (this with
    {
        State = RequireNew(OrderState.Paid),
        PaidAt = paidAt,
    }).Record(OrderEventTypes.Paid, paidAt);

    public Order Cancel(DateTimeOffset closedAt, string reason) => (this with
    {
        State = RequireNew(OrderState.Cancelled),
        ClosedAt = closedAt,
        CloseReason = reason,
    }).Record(OrderEventTypes.Cancelled, closedAt);

    /// <summary>Marks the events <paramref name="ids"/> published; those published already keep their first time.</summary>
    public Order MarkEventsPublished(IReadOnlyCollection<string> ids, DateTimeOffset publishedAt) =>
        this with { Events = Events.MarkPublished(ids, publishedAt) };

    /// <summary>
    /// A payment arrived after the order was cancelled: the money must go back, refunded at the provider
    /// (<see cref="RefundStatus.Pending"/>) or by a person (<see cref="RefundStatus.Manual"/>), as <paramref name="policy"/> says.
    /// </summary>
    public Order RecordLatePayment(DateTimeOffset at, LatePaymentPolicy policy) => State == OrderState.Cancelled && Refund is null
        ? this with
        {
            RefundRequired = true,
            Refund = new Refund(policy == LatePaymentPolicy.Manual ? RefundStatus.Manual : RefundStatus.Pending, Amount, at),
        }
        : throw new InvalidOperationException($"Only a cancelled order without a refund records a late payment; {OutTradeNo} is {State}.");

    /// <summary>The provider refunded the money: PENDING moves to SUCCEEDED, with its event.</summary>
    public Order CompleteRefund(string? providerRefundNo, DateTimeOffset completedAt) => (this with
    {
        Refund = RequirePendingRefund(RefundStatus.Succeeded) with
        {
            Status = RefundStatus.Succeeded,
            CompletedAt = completedAt,
            ProviderRefundNo = providerRefundNo,
        },
    }).Record(OrderEventTypes.RefundSucceeded, completedAt);

    /// <summary>The refund will not happen without a person: PENDING moves to FAILED, with its event.</summary>
    public Order FailRefund(DateTimeOffset failedAt) => (this with
    {
        Refund = RequirePendingRefund(RefundStatus.Failed) with { Status = RefundStatus.Failed, CompletedAt = failedAt },
    }).Record(OrderEventTypes.RefundFailed, failedAt);

    /// <summary>
    /// This order (the outcome of a transition) with its event of <paramref name="type"/> appended to the outbox. Every
    /// transition that others must hear of ends with this, so the event is stored by the compare-and-set that stores the move.
    /// </summary>
    private Order Record(string type, DateTimeOffset occurredAt) => this with
    {
        Events = Events.Append(new OrderEvent(
            OrderEvent.IdOf(OutTradeNo, Events.Count + 1, type), type, occurredAt, this with { Events = OrderEventLog.Empty })),
    };

    private Refund RequirePendingRefund(RefundStatus next) => Refund is { IsPending: true } refund
        ? refund
        : throw new InvalidOperationException($"Only a PENDING refund moves; the refund of {OutTradeNo} is {Refund?.Status.ToString() ?? "none"}, not moving to {next}.");

    private OrderState RequireNew(OrderState next) => State == OrderState.New
        ? next
        : throw new InvalidOperationException($"Only a NEW order moves; {OutTradeNo} is {State}, not moving to {next}.");
}
