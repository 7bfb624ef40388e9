using OrderClose.LocalRunner.Hosting;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Payments;

namespace OrderClose.LocalRunner.Payments;

/// <summary>
/// A payment provider that lives in the runner (pay type <c>SANDBOX</c>), behind the same port as Alipay. Its
/// callbacks are signed with the data folder's key; its answers to them are Alipay's (<c>success</c>/<c>failure</c>).
/// </summary>
public sealed class SandboxProvider(SandboxTrades trades, SandboxSigner signer, SandboxPaymentLink links, RunnerAddress runner) : IPaymentProvider
{
    public const string Name = "SANDBOX";

    public string PayType => Name;

    public bool Supports(string currency) => Currencies.IsKnown(currency);

    public TimeSpan MinPaymentTimeout => TimeSpan.Zero;

    public async Task<TradeQuery> QueryAsync(string outTradeNo, CancellationToken cancellationToken) =>
        await trades.FindAsync(outTradeNo) is { } trade ? new TradeQuery(trade.State, trade.PaidAt) : new TradeQuery(TradeState.NotExist);

    public Task<TradeCloseResult> CloseAsync(string outTradeNo, CancellationToken cancellationToken) => trades.CloseAsync(outTradeNo);

    /// <summary>The channels Alipay has, so a storefront tries the same requests here; both lead to the same cashier.</summary>
    public IReadOnlyCollection<string> Channels { get; } = ["page", "wap"];

    public IReadOnlyCollection<string> ChannelsNeedingPayerIp { get; } = [];

    public Task<PaymentStart> StartPaymentAsync(PaymentStartRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new PaymentStart(links.Create(runner.BaseAddress, request.Order.OutTradeNo, request.ExpiresAt), PaymentUrlKind.Redirect));

    /// <summary>Refunds on the ledger, once per request number; a trade that is not paid refuses, as Alipay's <c>ACQ.TRADE_NOT_ALLOW_REFUND</c>.</summary>
    public async Task<RefundOutcome> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        await trades.RefundAsync(request.OutTradeNo, request.OutRequestNo, request.Amount.MinorUnits) is { } refund
            ? RefundOutcome.Succeeded(refund.RefundNo, refund.RefundedAt)
            : RefundOutcome.Refused($"Trade {request.OutTradeNo} is not paid: nothing to refund.");

    public PaymentNotification? Verify(NotificationRequest request)
    {
        if (!signer.IsAuthentic(request.Body, request.Headers.GetValueOrDefault(SandboxNotification.SignatureHeader))
            || SandboxNotification.FromJson(request.Body) is not { } notification)
        {
            return null;
        }
        return new PaymentNotification(
            notification.OutTradeNo,
            notification.TradeStatus == SandboxNotification.Success,
            notification.Amount,
            notification.PaidAt,
            notification.TradeNo);
    }

    public NotificationReply Reply(NotificationOutcome outcome) => NotificationReplies.PlainText(outcome);
}
