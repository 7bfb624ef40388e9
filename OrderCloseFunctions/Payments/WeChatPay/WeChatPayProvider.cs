using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Payments.WeChatPay;

/// <summary>WeChat Pay API v3 (CNY only) behind the app's payment provider port.</summary>
internal sealed class WeChatPayProvider(
    WeChatPayApiClient api,
    WeChatPayNotificationReader notifications,
    IOptions<WeChatPayOptions> options,
    PaymentCallbacks callbacks,
    ILogger<WeChatPayProvider> logger) : IPaymentProvider
{
    public const string Name = "WECHATPAY";

    private const string Query = "query";
    private const string Close = "close";
    private const string NativeChannel = "native";
    private const string H5Channel = "h5";
    private const string OrderNotExist = "ORDER_NOT_EXIST";
    private const string OrderClosed = "ORDER_CLOSED";
    private const string OrderPaid = "ORDERPAID";
    private const string Refund = "refund";
    private const string SystemError = "SYSTEM_ERROR";

    public string PayType => Name;

    public bool Supports(string currency) => currency == "CNY";

    public TimeSpan MinPaymentTimeout => options.Value.MinPaymentTimeout;

    public async Task<TradeQuery> QueryAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        var mchId = options.Value.MchId;
        var answer = await api.SendAsync(HttpMethod.Get,
            $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}?mchid={Uri.EscapeDataString(mchId)}",
            body: null, Query, outTradeNo, cancellationToken);
        if (answer.IsSuccess)
        {
            return ToTradeQuery(outTradeNo, answer.Body);
        }
        // Only WeChat Pay's own code: a 404 from a wrong base URL must not read as "no such trade".
        if (answer.Code == OrderNotExist)
        {
            return new TradeQuery(TradeState.NotExist);
        }
        throw Rejected(Query, outTradeNo, answer);
    }

    public async Task<TradeCloseResult> CloseAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        var answer = await api.SendAsync(HttpMethod.Post,
            $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}/close",
            new CloseBody(options.Value.MchId), Close, outTradeNo, cancellationToken);
        if (answer.IsSuccess)
        {
            return TradeCloseResult.Closed;
        }
        return answer.Code switch
        {
            OrderNotExist => TradeCloseResult.NotExist,
            OrderClosed => TradeCloseResult.Closed,
            // The refusal is unsigned; a signed query decides.
            OrderPaid => await UnclosableTrades.DecideAsync(this, outTradeNo, cancellationToken),
            _ => throw Rejected(Close, outTradeNo, answer),
        };
    }

    /// <summary>Native (a code the buyer scans on a computer) and H5 (a page in the phone's browser, which needs the buyer's IP address).</summary>
    public IReadOnlyCollection<string> Channels { get; } = [NativeChannel, H5Channel];

    public IReadOnlyCollection<string> ChannelsNeedingPayerIp { get; } = [H5Channel];

    /// <summary>
    /// Places the Native or H5 order; WeChat Pay answers the <c>code_url</c> to show or the <c>h5_url</c> to open. Its
    /// <c>time_expire</c> makes WeChat Pay refuse the payment from the order's deadline on. Placing the same order again
    /// answers the same trade.
    /// </summary>
    public async Task<PaymentStart> StartPaymentAsync(PaymentStartRequest request, CancellationToken cancellationToken)
    {
        var (path, operation, answerField) = request.Channel switch
        {
            NativeChannel => ("/v3/pay/transactions/native", "native order", "code_url"),
            H5Channel => ("/v3/pay/transactions/h5", "h5 order", "h5_url"),
            _ => throw new ArgumentException($"WeChat Pay has no channel '{request.Channel}' here.", nameof(request)),
        };
        var order = request.Order;
        var merchant = options.Value;
        var answer = await api.SendAsync(HttpMethod.Post, path,
            new PrepayOrder(merchant.AppId, merchant.MchId, order.Subject ?? order.OutTradeNo, order.OutTradeNo,
                Rfc3339.FormatChinaTime(request.ExpiresAt), callbacks.NotifyUrl(Name).AbsoluteUri, new PrepayAmount(order.Amount.MinorUnits, "CNY"),
                request.Channel == H5Channel ? new SceneInfo(PayerIp(request).ToString(), new H5Info("Wap")) : null),
            operation, order.OutTradeNo, cancellationToken);
        if (!answer.IsSuccess)
        {
            throw Rejected(operation, order.OutTradeNo, answer);
        }
        var prepay = Deserialize<PrepayAnswer>(answer.Body);
        var link = request.Channel == H5Channel ? prepay?.H5Url : prepay?.CodeUrl;
        if (Uri.TryCreate(link, UriKind.Absolute, out var url))
        {
            return request.Channel == H5Channel
                ? new PaymentStart(WithRedirect(url, request.ReturnUrl), PaymentUrlKind.Redirect)
                : new PaymentStart(url, PaymentUrlKind.Code);
        }
        logger.LogError("WeChat Pay {Operation} for {OutTradeNo} answered no {Field}", operation, order.OutTradeNo, answerField);
        throw new DependencyUnavailableException($"WeChat Pay {operation} for {order.OutTradeNo} answered no {answerField}.");
    }

    private static System.Net.IPAddress PayerIp(PaymentStartRequest request) =>
        request.PayerIp ?? throw new ArgumentException("WeChat Pay's h5 needs the buyer's IP address.", nameof(request));

    /// <summary>WeChat Pay sends the buyer back from its H5 cashier to the <c>redirect_url</c> appended to the <c>h5_url</c>, URL-encoded.</summary>
    private static Uri WithRedirect(Uri h5Url, Uri? returnUrl) => returnUrl is null
        ? h5Url
        : new Uri(h5Url.AbsoluteUri + (h5Url.Query.Length > 0 ? "&" : "?") + "redirect_url=" + Uri.EscapeDataString(returnUrl.AbsoluteUri));

    /// <summary>
    /// <c>POST /v3/refund/domestic/refunds</c> with <c>out_refund_no</c> = the order's number: WeChat Pay answers the
    /// refund made for a repeat. <c>SUCCESS</c>: refunded; <c>PROCESSING</c>: look again later (a repeat asks again);
    /// <c>ABNORMAL</c> or <c>CLOSED</c>, or a refusal such as <c>NOT_ENOUGH</c> (the merchant's balance): for good.
    /// </summary>
    public async Task<RefundOutcome> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        var outTradeNo = request.OutTradeNo;
        var fen = request.Amount.MinorUnits;
        var answer = await api.SendAsync(HttpMethod.Post, "/v3/refund/domestic/refunds",
            new RefundBody(outTradeNo, request.OutRequestNo, new RefundAmount(fen, fen, "CNY")), Refund, outTradeNo, cancellationToken);
        if (!answer.IsSuccess)
        {
            if (answer.Code == SystemError)
            {
                throw new DependencyUnavailableException($"WeChat Pay {Refund} for {outTradeNo} failed: {answer.Code}: {answer.Message}");
            }
            var rejected = Rejected(Refund, outTradeNo, answer);
            return RefundOutcome.Refused(rejected.Message);
        }
        var refund = Deserialize<RefundAnswer>(answer.Body);
        if (refund is null || refund.OutRefundNo != request.OutRequestNo)
        {
            logger.LogError("WeChat Pay {Operation} for {OutTradeNo} answered a signed body that is not this refund", Refund, outTradeNo);
            throw new DependencyUnavailableException($"WeChat Pay {Refund} for {outTradeNo} answered another refund, or none.");
        }
        switch (refund.Status)
        {
            case "SUCCESS":
                return RefundOutcome.Succeeded(refund.RefundId, Rfc3339.ParseToUtc(refund.SuccessTime));
            case "PROCESSING":
                return RefundOutcome.Processing;
            case "ABNORMAL" or "CLOSED":
                logger.LogError("WeChat Pay {Operation} for {OutTradeNo} ended {Status}", Refund, outTradeNo, refund.Status);
                return RefundOutcome.Refused($"WeChat Pay {Refund}: the refund is {refund.Status}.");
            default:
                logger.LogError("WeChat Pay {Operation} for {OutTradeNo} returned unknown status {Status}", Refund, outTradeNo, refund.Status);
                throw new DependencyUnavailableException($"WeChat Pay returned unknown refund status '{refund.Status}' for {outTradeNo}.");
        }
    }

    public PaymentNotification? Verify(NotificationRequest request) => notifications.Read(request);

    /// <summary>WeChat Pay's answer: 204 without a body when accepted, else a 4xx/5xx with <c>{"code":"FAIL","message":…}</c>.</summary>
    public NotificationReply Reply(NotificationOutcome outcome) => outcome == NotificationOutcome.Accepted
        ? new NotificationReply(204, "", null)
        : new NotificationReply(NotificationReplies.StatusOf(outcome),
            JsonSerializer.Serialize(new { code = "FAIL", message = MessageOf(outcome) }), "application/json");

    private static string MessageOf(NotificationOutcome outcome) => outcome switch
    {
        NotificationOutcome.NotAuthentic => "The signature does not verify, or the notification is not for this merchant.",
        NotificationOutcome.UnknownOrder => "No such order.",
        NotificationOutcome.AmountMismatch => "The amount paid is not the order's amount.",
        _ => "Not recorded yet; send it again later.",
    };

    private TradeQuery ToTradeQuery(string outTradeNo, string body)
    {
        var transaction = Deserialize<WeChatPayTransaction>(body);
        if (transaction is null || transaction.OutTradeNo != outTradeNo || transaction.Mchid != options.Value.MchId)
        {
            logger.LogError("WeChat Pay {Operation} for {OutTradeNo} answered a signed body that is not this merchant's transaction", Query, outTradeNo);
            throw new DependencyUnavailableException($"WeChat Pay {Query} for {outTradeNo} answered another merchant's or trade's transaction, or none.");
        }
        switch (WeChatPayTradeStates.ToTradeState(transaction.TradeState))
        {
            case TradeState.Paid:
                return new TradeQuery(TradeState.Paid, Rfc3339.ParseToUtc(transaction.SuccessTime));
            case { } state:
                return new TradeQuery(state);
            default:
                logger.LogError("WeChat Pay {Operation} for {OutTradeNo} returned unknown trade_state {TradeState}", Query, outTradeNo, transaction.TradeState);
                throw new DependencyUnavailableException($"WeChat Pay returned unknown trade_state '{transaction.TradeState}' for {outTradeNo}.");
        }
    }

    private static T? Deserialize<T>(string body) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, WeChatPayApiClient.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>WeChat Pay's other refusals (bad parameters, no permission, a wrong signature or key) will not pass by retrying.</summary>
    private PaymentProviderRejectedException Rejected(string operation, string outTradeNo, WeChatPayAnswer answer)
    {
        logger.LogError("WeChat Pay {Operation} for {OutTradeNo} was rejected: HTTP {StatusCode}, code {Code}",
            operation, outTradeNo, answer.Status, answer.Code);
        return new PaymentProviderRejectedException(PayType, answer.Code ?? $"HTTP {answer.Status}", answer.Message ?? "");
    }

    private sealed record CloseBody(string Mchid);

    private sealed record PrepayOrder(
        string Appid, string Mchid, string Description, string OutTradeNo, string TimeExpire, string NotifyUrl, PrepayAmount Amount,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SceneInfo? SceneInfo);

    /// <param name="Total">In fen.</param>
    private sealed record PrepayAmount(long Total, string Currency);

    /// <summary>H5's scene: the buyer's address, and the kind of site (<c>Wap</c>: a mobile web page).</summary>
    private sealed record SceneInfo(string PayerClientIp, H5Info H5Info);

    private sealed record H5Info(string Type);

    private sealed record PrepayAnswer(string? CodeUrl, string? H5Url);

    private sealed record RefundBody(string OutTradeNo, string OutRefundNo, RefundAmount Amount);

    /// <param name="Refund">In fen, as <paramref name="Total"/> (what was paid).</param>
    private sealed record RefundAmount(long Refund, long Total, string Currency);

    private sealed record RefundAnswer(string? RefundId, string? OutRefundNo, string? Status, string? SuccessTime);
}
