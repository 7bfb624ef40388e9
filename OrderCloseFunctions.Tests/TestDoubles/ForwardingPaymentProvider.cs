using OrderClose.Orders.Ports;

namespace OrderClose.Tests.TestDoubles;

/// <summary>A provider that forwards every call to <paramref name="inner"/>: a test overrides only the calls it changes.</summary>
public abstract class ForwardingPaymentProvider(IPaymentProvider inner) : IPaymentProvider
{
    public string PayType => inner.PayType;

    public bool Supports(string currency) => inner.Supports(currency);

    public TimeSpan MinPaymentTimeout => inner.MinPaymentTimeout;

    public IReadOnlyCollection<string> Channels => inner.Channels;

    public IReadOnlyCollection<string> ChannelsNeedingPayerIp => inner.ChannelsNeedingPayerIp;

    public virtual Task<TradeQuery> QueryAsync(string outTradeNo, CancellationToken cancellationToken) => inner.QueryAsync(outTradeNo, cancellationToken);

    public virtual Task<TradeCloseResult> CloseAsync(string outTradeNo, CancellationToken cancellationToken) => inner.CloseAsync(outTradeNo, cancellationToken);

    public virtual Task<RefundOutcome> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        inner.RefundAsync(request, cancellationToken);

    public Task<PaymentStart> StartPaymentAsync(PaymentStartRequest request, CancellationToken cancellationToken) =>
        inner.StartPaymentAsync(request, cancellationToken);

    public PaymentNotification? Verify(NotificationRequest request) => inner.Verify(request);

    public NotificationReply Reply(NotificationOutcome outcome) => inner.Reply(outcome);
}
