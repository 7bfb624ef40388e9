using System.Diagnostics;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Payments;

/// <summary>
/// A provider whose calls over the network are each a span (<c>{PAYTYPE} {operation}</c>, the HTTP call as its child)
/// and a measurement of <c>orderclose.provider.duration</c> by pay type, operation and outcome.
/// </summary>
public sealed class MeasuredPaymentProvider(IPaymentProvider inner, OrderMetrics metrics, TimeProvider clock) : IPaymentProvider
{
    public string PayType => inner.PayType;

    public bool Supports(string currency) => inner.Supports(currency);

    public TimeSpan MinPaymentTimeout => inner.MinPaymentTimeout;

    public Task<TradeQuery> QueryAsync(string outTradeNo, CancellationToken cancellationToken) =>
        MeasureAsync("query", outTradeNo, () => inner.QueryAsync(outTradeNo, cancellationToken), query => query.State.ToString());

    public Task<TradeCloseResult> CloseAsync(string outTradeNo, CancellationToken cancellationToken) =>
        MeasureAsync("close", outTradeNo, () => inner.CloseAsync(outTradeNo, cancellationToken), result => result.ToString());

    public IReadOnlyCollection<string> Channels => inner.Channels;

    public IReadOnlyCollection<string> ChannelsNeedingPayerIp => inner.ChannelsNeedingPayerIp;

    public Task<PaymentStart> StartPaymentAsync(PaymentStartRequest request, CancellationToken cancellationToken) =>
        MeasureAsync("start_payment", request.Order.OutTradeNo, () => inner.StartPaymentAsync(request, cancellationToken), start => start.Kind.ToString());

    public Task<RefundOutcome> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        MeasureAsync("refund", request.OutTradeNo, () => inner.RefundAsync(request, cancellationToken), refund => refund.Result.ToString());

    public PaymentNotification? Verify(NotificationRequest request) => inner.Verify(request);

    public NotificationReply Reply(NotificationOutcome outcome) => inner.Reply(outcome);

    private async Task<T> MeasureAsync<T>(string operation, string outTradeNo, Func<Task<T>> call, Func<T, string> describe)
    {
        using var activity = Tracing.Source.StartActivity($"{inner.PayType} {operation}", ActivityKind.Internal);
        activity?.SetTag("orderclose.pay_type", inner.PayType);
        activity?.SetTag("orderclose.operation", operation);
        activity?.SetTag("orderclose.out_trade_no", outTradeNo);
        var started = clock.GetTimestamp();
        var outcome = "ok";
        try
        {
            var result = await call();
            activity?.SetTag("orderclose.result", describe(result));
            return result;
        }
        catch (DependencyUnavailableException exception)
        {
            outcome = "transient";
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
        catch (PaymentProviderRejectedException exception)
        {
            outcome = "rejected";
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
        finally
        {
            activity?.SetTag("orderclose.outcome", outcome);
            metrics.ProviderCall(inner.PayType, operation, outcome, clock.GetElapsedTime(started));
        }
    }
}
