using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Payments;

namespace OrderClose.Tests.TestDoubles;

/// <summary>
/// A payment provider that is down (every call a <see cref="DependencyUnavailableException"/>) from
/// <see cref="DownFrom"/> until <see cref="DownUntil"/> on <paramref name="clock"/>, and otherwise reports the orders
/// in <see cref="PaidOrders"/> paid and closes the others.
/// </summary>
public sealed class OutageProvider(TimeProvider clock, string payType) : IPaymentProvider
{
    public DateTimeOffset DownFrom { get; set; } = DateTimeOffset.MinValue;
    public DateTimeOffset DownUntil { get; set; } = DateTimeOffset.MinValue;
    public HashSet<string> PaidOrders { get; } = new(StringComparer.Ordinal);
    public int FailedCalls { get; private set; }

    /// <summary>Runs at the start of every query: the way to hold two closes inside the same step.</summary>
    public Func<Task>? BeforeQuery { get; set; }

    public string PayType => payType;

    public bool Supports(string currency) => true;

    public TimeSpan MinPaymentTimeout => TimeSpan.Zero;

    public async Task<TradeQuery> QueryAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        if (BeforeQuery is { } before)
        {
            await before();
        }
        ThrowIfDown();
        return PaidOrders.Contains(outTradeNo) ? new TradeQuery(TradeState.Paid, clock.GetUtcNow()) : new TradeQuery(TradeState.AwaitingPayment);
    }

    public Task<TradeCloseResult> CloseAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        return Task.FromResult(TradeCloseResult.Closed);
    }

    public IReadOnlyCollection<string> Channels { get; } = ["page"];

    public IReadOnlyCollection<string> ChannelsNeedingPayerIp { get; } = [];

    public Task<PaymentStart> StartPaymentAsync(PaymentStartRequest request, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        return Task.FromResult(new PaymentStart(new Uri($"https://cashier.test/{request.Order.OutTradeNo}"), PaymentUrlKind.Redirect));
    }

    /// <summary>What a refund answers (when the provider is up); by default it succeeds under <c>RF-{outTradeNo}</c>.</summary>
    public Func<RefundRequest, RefundOutcome> RefundAnswer { get; set; } = request =>
        RefundOutcome.Succeeded($"RF-{request.OutTradeNo}", clock.GetUtcNow());

    /// <summary>Every refund asked for while the provider was up, in order.</summary>
    public List<RefundRequest> Refunds { get; } = [];

    public Task<RefundOutcome> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        Refunds.Add(request);
        return Task.FromResult(RefundAnswer(request));
    }

    public PaymentNotification? Verify(NotificationRequest request) => null;

    public NotificationReply Reply(NotificationOutcome outcome) => NotificationReplies.PlainText(outcome);

    private void ThrowIfDown()
    {
        var now = clock.GetUtcNow();
        if (now >= DownFrom && now < DownUntil)
        {
            FailedCalls++;
            throw new DependencyUnavailableException("The provider is down.");
        }
    }
}
