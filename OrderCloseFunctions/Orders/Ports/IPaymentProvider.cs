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

    Task<TradeQuery> QueryAsync(string outTradeNo, CancellationToken cancellationToken);

    /// <summary>Closes the trade so that it can no longer be paid.</summary>
    Task<TradeCloseResult> CloseAsync(string outTradeNo, CancellationToken cancellationToken);

    /// <summary>Checks the provider's signature on a callback and reads it; null when it is not authentic.</summary>
    PaymentNotification? Verify(NotificationRequest request);

    /// <summary>What the provider expects as the answer to a callback, accepted or not.</summary>
    NotificationReply Reply(bool accepted);
}

public enum TradeState
{
    /// <summary>The buyer never opened the cashier, so the provider knows no such trade.</summary>
    NotExist,
    AwaitingPayment,
    Paid,
    Closed,
}

public sealed record TradeQuery(TradeState State, DateTimeOffset? PaidAt = null);

public enum TradeCloseResult
{
    Closed,
    NotExist,

    /// <summary>The close came too late: the buyer had paid meanwhile.</summary>
    AlreadyPaid,
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

public sealed record NotificationReply(string Body, string ContentType);
