using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Faults;

/// <summary>
/// A payment provider with faults on its calls: timeouts (a hang, then an error), 5xx-like errors, and a wrong but
/// valid answer: a paid trade's first query says it does not exist; later ones are right. A refund may fail after it
/// was made, so its retry must find the same refund, not make a second.
/// </summary>
public sealed class FaultyPaymentProvider(IPaymentProvider inner, FaultPlan plan) : IPaymentProvider
{
    public string PayType => inner.PayType;

    public bool Supports(string currency) => inner.Supports(currency);

    public TimeSpan MinPaymentTimeout => inner.MinPaymentTimeout;

    public async Task<TradeQuery> QueryAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        await MaybeFailAsync(outTradeNo, cancellationToken);
        var trade = await inner.QueryAsync(outTradeNo, cancellationToken);
        return trade.State == TradeState.Paid && plan.StrikesFirst(FaultKinds.ProviderWrongAnswer, outTradeNo, plan.Options.WrongAnswerRate)
            ? new TradeQuery(TradeState.NotExist)
            : trade;
    }

    public async Task<TradeCloseResult> CloseAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        await MaybeFailAsync(outTradeNo, cancellationToken);
        return await inner.CloseAsync(outTradeNo, cancellationToken);
    }

    /// <summary>Fails like the other calls, before or after the refund: after, the refund happened and its answer was lost.</summary>
    public async Task<RefundOutcome> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        await MaybeFailAsync(request.OutTradeNo, cancellationToken);
        var outcome = await inner.RefundAsync(request, cancellationToken);
        await MaybeFailAsync(request.OutTradeNo, cancellationToken);
        return outcome;
    }

    public IReadOnlyCollection<string> Channels => inner.Channels;

    public IReadOnlyCollection<string> ChannelsNeedingPayerIp => inner.ChannelsNeedingPayerIp;

    public Task<PaymentStart> StartPaymentAsync(PaymentStartRequest request, CancellationToken cancellationToken) =>
        inner.StartPaymentAsync(request, cancellationToken);

    public PaymentNotification? Verify(NotificationRequest request) => inner.Verify(request);

    public NotificationReply Reply(NotificationOutcome outcome) => inner.Reply(outcome);

    private async Task MaybeFailAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        if (plan.Strikes(FaultKinds.Provider5xx, outTradeNo))
        {
            throw new DependencyUnavailableException($"Injected fault: the provider answered 503 for trade {outTradeNo}.");
        }
        if (plan.Strikes(FaultKinds.ProviderTimeout, outTradeNo))
        {
            await Task.Delay(plan.Options.TimeoutDelay, cancellationToken);
            throw new DependencyUnavailableException($"Injected fault: the provider timed out on trade {outTradeNo}.");
        }
    }
}
