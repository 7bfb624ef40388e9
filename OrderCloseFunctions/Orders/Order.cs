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

    /// <summary>
    /// What the close scheduler answered when the close was scheduled: the handle a payment cancels it with. Stored as
    /// <c>closeSequenceNumber</c> (the Service Bus sequence number it is), so documents written before the rename still read.
    /// </summary>
    public long? ScheduledCloseHandle { get; init; }

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

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

    public Order MarkPaid(DateTimeOffset paidAt) => this with
    {
        State = RequireNew(OrderState.Paid),
        PaidAt = paidAt,
    };

    public Order Cancel(DateTimeOffset closedAt, string reason) => this with
    {
        State = RequireNew(OrderState.Cancelled),
        ClosedAt = closedAt,
        CloseReason = reason,
    };

    public Order RequireRefund() => State == OrderState.Cancelled
        ? this with { RefundRequired = true }
        : throw new InvalidOperationException($"Only a cancelled order needs a refund; {OutTradeNo} is {State}.");

    private OrderState RequireNew(OrderState next) => State == OrderState.New
        ? next
        : throw new InvalidOperationException($"Only a NEW order moves; {OutTradeNo} is {State}, not moving to {next}.");
}
