using Microsoft.Extensions.Logging;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Payments.Alipay;

/// <summary>Alipay (CNY only) behind the app's payment provider port.</summary>
internal sealed class AlipayProvider(
    AlipayGatewayClient gateway,
    AlipayNotificationReader notifications,
    AlipayPaymentUrls paymentUrls,
    ILogger<AlipayProvider> logger) : IPaymentProvider
{
    private const string TradeQuery = "alipay.trade.query";
    private const string TradeClose = "alipay.trade.close";
    private const string TradeNotExist = "ACQ.TRADE_NOT_EXIST";
    private const string TradeStatusError = "ACQ.TRADE_STATUS_ERROR";
    private const string SystemError = "ACQ.SYSTEM_ERROR";

    public const string Name = "ALIPAY";

    public string PayType => Name;

    public IReadOnlyCollection<string> Channels { get; } = [.. AlipayPaymentUrls.Channels.Keys];

    public Task<PaymentStart> StartPaymentAsync(PaymentStartRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new PaymentStart(paymentUrls.Build(request), PaymentUrlKind.Redirect));

    public bool Supports(string currency) => currency == "CNY";

    public TimeSpan MinPaymentTimeout => TimeSpan.Zero;

    public async Task<TradeQuery> QueryAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        var response = await gateway.CallAsync(TradeQuery, outTradeNo, cancellationToken);
        if (response.IsSuccess)
        {
            return ToTradeQuery(outTradeNo, response);
        }
        if (response.SubCode == TradeNotExist)
        {
            return new TradeQuery(TradeState.NotExist);
        }
        throw Failure(TradeQuery, outTradeNo, response);
    }

    public async Task<TradeCloseResult> CloseAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        var response = await gateway.CallAsync(TradeClose, outTradeNo, cancellationToken);
        if (response.IsSuccess)
        {
            return TradeCloseResult.Closed;
        }
        return response.SubCode switch
        {
            TradeNotExist => TradeCloseResult.NotExist,
            // Paid or closed already: the trade's state says which.
            TradeStatusError => await UnclosableTrades.DecideAsync(this, outTradeNo, cancellationToken),
            _ => throw Failure(TradeClose, outTradeNo, response),
        };
    }

    public PaymentNotification? Verify(NotificationRequest request) => notifications.Read(request.Body);

    public NotificationReply Reply(NotificationOutcome outcome) => NotificationReplies.PlainText(outcome);

    private TradeQuery ToTradeQuery(string outTradeNo, AlipayTradeResponse response)
    {
        if (AlipayTradeStatus.IsPaid(response.TradeStatus))
        {
            return new TradeQuery(TradeState.Paid, ChinaTime.ParseToUtc(response.SendPayDate));
        }
        switch (response.TradeStatus)
        {
            case AlipayTradeStatus.WaitBuyerPay:
                return new TradeQuery(TradeState.AwaitingPayment);
            case AlipayTradeStatus.TradeClosed:
                return new TradeQuery(TradeState.Closed);
            default:
                logger.LogError("Alipay {Method} for {OutTradeNo} returned unknown trade_status {TradeStatus}",
                    TradeQuery, outTradeNo, response.TradeStatus);
                throw new DependencyUnavailableException($"Alipay returned unknown trade_status '{response.TradeStatus}' for {outTradeNo}.");
        }
    }

    /// <summary>Alipay's system errors (code 2xxxx, or ACQ.SYSTEM_ERROR) may pass; any other refusal will not.</summary>
    private Exception Failure(string method, string outTradeNo, AlipayTradeResponse response)
    {
        if (response.Code.StartsWith('2') || response.SubCode == SystemError)
        {
            logger.LogWarning("Alipay {Method} for {OutTradeNo} failed: code {Code}, sub_code {SubCode}",
                method, outTradeNo, response.Code, response.SubCode);
            return new DependencyUnavailableException(
                $"Alipay {method} for {outTradeNo} failed: {response.SubCode ?? response.Code}: {response.SubMsg ?? response.Msg}");
        }
        logger.LogError("Alipay {Method} for {OutTradeNo} was rejected: code {Code}, sub_code {SubCode}",
            method, outTradeNo, response.Code, response.SubCode);
        return new PaymentProviderRejectedException(PayType, response.SubCode ?? response.Code, response.SubMsg ?? response.Msg ?? "");
    }
}
