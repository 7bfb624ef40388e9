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
    private const string TradeRefund = "alipay.trade.refund";
    private const string RefundQuery = "alipay.trade.fastpay.refund.query";
    private const string RefundSuccess = "REFUND_SUCCESS";

    public const string Name = "ALIPAY";

    public string PayType => Name;

    public IReadOnlyCollection<string> Channels { get; } = [.. AlipayPaymentUrls.Channels.Keys];

    public IReadOnlyCollection<string> ChannelsNeedingPayerIp { get; } = [];

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

    /// <summary>
    /// <c>alipay.trade.refund</c> with <c>out_request_no</c> = the order's number, so a repeat finds the refund made.
    /// <c>fund_change</c> <c>Y</c>: the money moved now. Otherwise (a repeat, or a refund still being made)
    /// <c>alipay.trade.fastpay.refund.query</c> decides: <c>REFUND_SUCCESS</c>, or look again later. A business refusal
    /// (<c>ACQ.SELLER_BALANCE_NOT_ENOUGH</c>, <c>ACQ.TRADE_NOT_ALLOW_REFUND</c>, …) is for good; system errors may pass.
    /// The provider's refund number is Alipay's trade number, the one its refunds are filed under.
    /// </summary>
    public async Task<RefundOutcome> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        var outTradeNo = request.OutTradeNo;
        var response = await gateway.CallAsync(TradeRefund, outTradeNo,
            new RefundBizContent(outTradeNo, AlipayAmount.Yuan(request.Amount.MinorUnits), request.OutRequestNo), cancellationToken);
        if (!response.IsSuccess)
        {
            return IsTransient(response) ? throw Failure(TradeRefund, outTradeNo, response) : Refused(TradeRefund, outTradeNo, response);
        }
        if (response.FundChange == "Y")
        {
            return RefundOutcome.Succeeded(response.TradeNo, ChinaTime.ParseToUtc(response.GmtRefundPay));
        }

        var query = await gateway.CallAsync(RefundQuery, outTradeNo, new RefundQueryBizContent(outTradeNo, request.OutRequestNo), cancellationToken);
        if (!query.IsSuccess)
        {
            return IsTransient(query) ? throw Failure(RefundQuery, outTradeNo, query) : Refused(RefundQuery, outTradeNo, query);
        }
        return query.RefundStatus == RefundSuccess
            ? RefundOutcome.Succeeded(query.TradeNo ?? response.TradeNo, ChinaTime.ParseToUtc(query.GmtRefundPay))
            : RefundOutcome.Processing;
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

    private static bool IsTransient(AlipayTradeResponse response) => response.Code.StartsWith('2') || response.SubCode == SystemError;

    private RefundOutcome Refused(string method, string outTradeNo, AlipayTradeResponse response)
    {
        logger.LogError("Alipay {Method} for {OutTradeNo} refused the refund: code {Code}, sub_code {SubCode}",
            method, outTradeNo, response.Code, response.SubCode);
        return RefundOutcome.Refused($"Alipay {method}: {response.SubCode ?? response.Code}: {response.SubMsg ?? response.Msg}");
    }

    /// <summary>Alipay's system errors (code 2xxxx, or ACQ.SYSTEM_ERROR) may pass; any other refusal will not.</summary>
    private Exception Failure(string method, string outTradeNo, AlipayTradeResponse response)
    {
        if (IsTransient(response))
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

    /// <param name="RefundAmount">In yuan, e.g. <c>19.99</c>.</param>
    private sealed record RefundBizContent(string OutTradeNo, string RefundAmount, string OutRequestNo);

    private sealed record RefundQueryBizContent(string OutTradeNo, string OutRequestNo);
}
