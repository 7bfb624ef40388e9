namespace OrderClose.Orders.Ports;

/// <summary>
/// One payment provider (Alipay, ...). Query and close throw <see cref="DependencyUnavailableException"/>
/// when the provider cannot answer now, and <see cref="PaymentProviderRejectedException"/> when it never will.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>The <c>payType</c> of the orders this provider serves, e.g. <c>ALIPAY</c>.</summary>
    string PayType { get; }

    bool Supports(string currency);

    /// <summary>
    /// The shortest payment timeout this provider allows (zero: no limit of its own). An order's timeout must also
    /// lie within <see cref="OrderOptions"/>' bounds.
    /// </summary>
    TimeSpan MinPaymentTimeout { get; }

    Task<TradeQuery> QueryAsync(string outTradeNo, CancellationToken cancellationToken);

    /// <summary>Closes the trade so that it can no longer be paid.</summary>
    Task<TradeCloseResult> CloseAsync(string outTradeNo, CancellationToken cancellationToken);

    /// <summary>The ways a buyer can pay with this provider (lower case), e.g. <c>page</c> and <c>wap</c> for Alipay.</summary>
    IReadOnlyCollection<string> Channels { get; }

    /// <summary>The channels whose payment start needs the buyer's IP address (<see cref="PaymentStartRequest.PayerIp"/>), e.g. WeChat Pay's <c>h5</c>.</summary>
    IReadOnlyCollection<string> ChannelsNeedingPayerIp { get; }

    /// <summary>
    /// Starts the buyer's payment of an order: where to send the buyer, or a code to show, for a trade that the provider
    /// refuses to take payment for from <see cref="PaymentStartRequest.ExpiresAt"/> on. Calling it again for the same
    /// order starts the same trade, never a second one.
    /// </summary>
    Task<PaymentStart> StartPaymentAsync(PaymentStartRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back what the buyer paid for an order that had been cancelled. Idempotent: the provider's refund request
    /// number is <see cref="RefundRequest.OutRequestNo"/>, fixed per order, so asking again (a retry, a duplicate
    /// delivery) reports the one refund rather than making a second. Throws <see cref="DependencyUnavailableException"/>
    /// when the provider cannot answer now.
    /// </summary>
    Task<RefundOutcome> RefundAsync(RefundRequest request, CancellationToken cancellationToken);

    /// <summary>Checks the provider's signature on a callback and reads it; null when it is not authentic.</summary>
    PaymentNotification? Verify(NotificationRequest request);

    /// <summary>
    /// The answer to a callback with this outcome, in the provider's own protocol: the status, body and content type
    /// that make it stop sending (accepted) or send again (anything else).
    /// </summary>
    NotificationReply Reply(NotificationOutcome outcome);
}

public enum TradeState
{
    /// <summary>The buyer never opened the cashier, so the provider knows no such trade.</summary>
    NotExist,
    AwaitingPayment,
    Paid,
    Closed,

    /// <summary>The buyer is paying right now (e.g. entering a password): closing the trade now would close it under them.</summary>
    BuyerPaying,
}

public sealed record TradeQuery(TradeState State, DateTimeOffset? PaidAt = null);

public enum TradeCloseResult
{
    Closed,
    NotExist,

    /// <summary>The close came too late: the buyer had paid meanwhile.</summary>
    AlreadyPaid,
}

/// <summary>A refund of <paramref name="Amount"/> (what was paid: the order's amount) for trade <paramref name="OutTradeNo"/>.</summary>
public sealed record RefundRequest(string OutTradeNo, Money Amount)
{
    /// <summary>The refund's own number at the provider: the order's number, so there is one refund per order, whoever asks.</summary>
    public string OutRequestNo => OutTradeNo;
}

public enum RefundResult
{
    /// <summary>The money went back.</summary>
    Succeeded,

    /// <summary>The provider took the refund but has not finished it: look again later.</summary>
    Processing,

    /// <summary>The provider will not refund (e.g. the merchant's balance is short): a person must act.</summary>
    Refused,
}

/// <summary>What the provider answered a refund: see <see cref="RefundResult"/>.</summary>
public sealed record RefundOutcome(RefundResult Result, string? ProviderRefundNo = null, DateTimeOffset? CompletedAt = null, string? Reason = null)
{
    public static RefundOutcome Succeeded(string? providerRefundNo, DateTimeOffset? completedAt) =>
        new(RefundResult.Succeeded, providerRefundNo, completedAt);

    public static readonly RefundOutcome Processing = new(RefundResult.Processing);

    public static RefundOutcome Refused(string reason) => new(RefundResult.Refused, Reason: reason);
}

/// <summary>A provider callback as received: the raw body and the headers, so each provider can check its own signature.</summary>
public sealed record NotificationRequest(string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>An authentic callback. <paramref name="AmountMinorUnits"/> is what the provider says was paid.</summary>
public sealed record PaymentNotification(
    string OutTradeNo,
    bool Paid,
    long? AmountMinorUnits,
    DateTimeOffset? PaidAt,
    string? ProviderTradeNo);

/// <summary>What became of a callback.</summary>
public enum NotificationOutcome
{
    /// <summary>Recorded (or known already, or no payment to record): the provider may stop sending it.</summary>
    Accepted,

    /// <summary>Its signature did not verify, or it is not for this merchant, or it could not be read.</summary>
    NotAuthentic,

    UnknownOrder,

    /// <summary>It reports another amount than the order's.</summary>
    AmountMismatch,

    /// <summary>It could not be recorded now; the provider should send it again.</summary>
    Unavailable,
}

/// <summary>An HTTP answer to a callback. <paramref name="ContentType"/> is null when there is no body.</summary>
public sealed record NotificationReply(int StatusCode, string Body, string? ContentType);

/// <param name="Channel">One of the provider's <see cref="IPaymentProvider.Channels"/>.</param>
/// <param name="ReturnUrl">Where the provider sends the buyer back after paying; null: nowhere.</param>
/// <param name="ExpiresAt">From this instant on the provider refuses the payment (the order's pay deadline).</param>
/// <param name="PayerIp">The buyer's IP address, as the storefront saw it; set for the <see cref="IPaymentProvider.ChannelsNeedingPayerIp"/>.</param>
public sealed record PaymentStartRequest(Order Order, string Channel, Uri? ReturnUrl, DateTimeOffset ExpiresAt, System.Net.IPAddress? PayerIp = null);

/// <summary>How the storefront hands the payment to the buyer.</summary>
public enum PaymentUrlKind
{
    /// <summary>Send the buyer's browser to the URL.</summary>
    Redirect,

    /// <summary>Show the URL as a QR code for the buyer's phone to scan.</summary>
    Code,
}

public sealed record PaymentStart(Uri Url, PaymentUrlKind Kind);
