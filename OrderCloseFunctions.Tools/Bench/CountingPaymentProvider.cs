using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Bench;

/// <summary>Counts each call a provider gets over the network, by operation, telling queries of orders meant to be paid from the others.</summary>
public sealed class CountingPaymentProvider(IPaymentProvider inner, CallCounts counts, Func<string, bool> isPaidOrder) : IPaymentProvider
{
    public string PayType => inner.PayType;

    public bool Supports(string currency) => inner.Supports(currency);

    public TimeSpan MinPaymentTimeout => inner.MinPaymentTimeout;

    public Task<TradeQuery> QueryAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        counts.Query(isPaidOrder(outTradeNo));
        return inner.QueryAsync(outTradeNo, cancellationToken);
    }

    public Task<TradeCloseResult> CloseAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        counts.Close();
        return inner.CloseAsync(outTradeNo, cancellationToken);
    }

    public IReadOnlyCollection<string> Channels => inner.Channels;

    public IReadOnlyCollection<string> ChannelsNeedingPayerIp => inner.ChannelsNeedingPayerIp;

    public Task<PaymentStart> StartPaymentAsync(PaymentStartRequest request, CancellationToken cancellationToken)
    {
        counts.PaymentStart();
        return inner.StartPaymentAsync(request, cancellationToken);
    }

    public Task<RefundOutcome> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        counts.Refund();
        return inner.RefundAsync(request, cancellationToken);
    }

    public PaymentNotification? Verify(NotificationRequest request) => inner.Verify(request);

    public NotificationReply Reply(NotificationOutcome outcome) => inner.Reply(outcome);
}
