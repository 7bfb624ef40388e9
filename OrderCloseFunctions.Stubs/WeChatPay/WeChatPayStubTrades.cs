using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrderClose.Orders.Ports;

namespace OrderClose.Stubs.WeChatPay;

/// <summary>
/// A trade ledger behind the WeChat Pay stub, for end-to-end runs: trades are placed through the API (a Native order,
/// with its <c>time_expire</c> and <c>notify_url</c>) or opened directly (as the buyer's cashier would), paid (with or
/// without the callback reaching the app, see <see cref="WeChatPayStubCashier"/>), queried, closed and refunded
/// through the API as WeChat Pay would. A refund is made once per <c>out_refund_no</c>: asking again answers the
/// refund made. It counts what the API was asked, so a run can show the app really went through it.
/// </summary>
public sealed partial class WeChatPayStubTrades(WeChatPayStubAccount account, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Trade> _trades = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StubRefund> _refunds = new(StringComparer.Ordinal);

    /// <summary>How many answers about a new refund say PROCESSING before it reads SUCCESS.</summary>
    public int ProcessingAnswers { get; set; }

    /// <summary>When true, the merchant's balance cannot cover a refund: 403 <c>NOT_ENOUGH</c>.</summary>
    public bool BalanceShort { get; set; }

    /// <summary>How many refunds were made of <paramref name="outTradeNo"/>, whatever their refund numbers.</summary>
    public int RefundsOf(string outTradeNo) => _refunds.Values.Count(refund => refund.OutTradeNo == outTradeNo);

    private long _nativeOrders;
    private long _queries;
    private long _refundRequests;

    /// <summary>Native orders placed through the API (<c>POST /v3/pay/transactions/native</c>), repeats included.</summary>
    public long NativeOrders => Interlocked.Read(ref _nativeOrders);

    private long _h5Orders;

    /// <summary>H5 orders placed through the API (<c>POST /v3/pay/transactions/h5</c>), repeats included.</summary>
    public long H5Orders => Interlocked.Read(ref _h5Orders);

    /// <summary>Queries of a trade through the API.</summary>
    public long Queries => Interlocked.Read(ref _queries);

    /// <summary>Refund requests through the API, repeats included.</summary>
    public long RefundRequests => Interlocked.Read(ref _refundRequests);

    public StubReply Respond(StubRequest request)
    {
        if (request.Method == "POST" && request.Path == "/v3/refund/domestic/refunds")
        {
            Interlocked.Increment(ref _refundRequests);
            return Refund(request.Body);
        }
        if (request.Method == "POST" && request.Path == "/v3/pay/transactions/native")
        {
            Interlocked.Increment(ref _nativeOrders);
            return Place(request.Body, h5: false);
        }
        if (request.Method == "POST" && request.Path == "/v3/pay/transactions/h5")
        {
            Interlocked.Increment(ref _h5Orders);
            return Place(request.Body, h5: true);
        }
        var match = TradePath().Match(request.Path);
        if (!match.Success)
        {
            return StubReply.Error(404, "NOT_FOUND", "no such API");
        }
        var outTradeNo = Uri.UnescapeDataString(match.Groups["no"].Value);
        var closing = match.Groups["close"].Success;
        lock (_trades)
        {
            if (!_trades.TryGetValue(outTradeNo, out var trade))
            {
                return StubReply.Error(404, "ORDER_NOT_EXIST", "订单不存在");
            }
            if (!closing)
            {
                Interlocked.Increment(ref _queries);
                return new StubReply(200, trade.ToJson(account, outTradeNo));
            }
            switch (trade.State)
            {
                case "SUCCESS":
                    return StubReply.Error(400, "ORDERPAID", "订单已支付");
                default:
                    _trades[outTradeNo] = trade with { State = "CLOSED" };
                    Closes++;
                    return new StubReply(204);
            }
        }
    }

    /// <summary>How many trades the API closed.</summary>
    public int Closes { get; private set; }

    public void Open(string outTradeNo, long totalFen) => _trades[outTradeNo] = new Trade("NOTPAY", totalFen, null);

    public string? StateOf(string outTradeNo) => _trades.TryGetValue(outTradeNo, out var trade) ? trade.State : null;

    /// <summary>Where the Native order of <paramref name="outTradeNo"/> asked for its callbacks; null when it was opened without one.</summary>
    public Uri? NotifyUrlOf(string outTradeNo) => _trades.TryGetValue(outTradeNo, out var trade) ? trade.NotifyUrl : null;

    /// <summary>
    /// The buyer pays; false when the trade is closed, paid, past its <c>time_expire</c> (WeChat Pay refuses then), or
    /// unknown. Returns the paid transaction's JSON.
    /// </summary>
    public bool TryPay(string outTradeNo, out string transactionJson) => TryPay(outTradeNo, late: false, out transactionJson);

    /// <summary>
    /// A payment the merchant's close did not stop: the trade is paid even if closed or past its <c>time_expire</c>
    /// (the stub's stand-in for a payment WeChat Pay took while the close was on its way). The app must refund it.
    /// </summary>
    public bool TryPayLate(string outTradeNo, out string transactionJson) => TryPay(outTradeNo, late: true, out transactionJson);

    private bool TryPay(string outTradeNo, bool late, out string transactionJson)
    {
        lock (_trades)
        {
            transactionJson = "";
            if (!_trades.TryGetValue(outTradeNo, out var trade) || trade.State == "SUCCESS"
                || (!late && (trade.State != "NOTPAY" || clock.GetUtcNow() >= trade.TimeExpire)))
            {
                return false;
            }
            var paid = trade with { State = "SUCCESS", PaidAt = clock.GetUtcNow() };
            _trades[outTradeNo] = paid;
            transactionJson = paid.ToJson(account, outTradeNo);
            return true;
        }
    }

    /// <summary>
    /// A Native or H5 order opens its trade, or answers the trade placed before (closed or paid: refused as WeChat Pay
    /// does), with a <c>code_url</c> for the buyer to scan, or an <c>h5_url</c> to open (H5 requires the buyer's
    /// <c>scene_info.payer_client_ip</c> and <c>h5_info.type</c>, as WeChat Pay does).
    /// </summary>
    private StubReply Place(string body, bool h5)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.GetProperty("mchid").GetString() != account.MchId || root.GetProperty("appid").GetString() != account.AppId)
        {
            return StubReply.Error(400, "PARAM_ERROR", "mchid 与 appid 不匹配");
        }
        if (h5 && !(root.TryGetProperty("scene_info", out var scene)
                    && scene.TryGetProperty("payer_client_ip", out var ip) && System.Net.IPAddress.TryParse(ip.GetString(), out _)
                    && scene.TryGetProperty("h5_info", out var info) && info.TryGetProperty("type", out _)))
        {
            return StubReply.Error(400, "PARAM_ERROR", "缺少参数 scene_info");
        }
        var outTradeNo = root.GetProperty("out_trade_no").GetString()!;
        lock (_trades)
        {
            if (!_trades.TryGetValue(outTradeNo, out var trade))
            {
                _trades[outTradeNo] = new Trade("NOTPAY", root.GetProperty("amount").GetProperty("total").GetInt64(), null)
                {
                    TimeExpire = DateTimeOffset.Parse(root.GetProperty("time_expire").GetString()!, CultureInfo.InvariantCulture),
                    NotifyUrl = new Uri(root.GetProperty("notify_url").GetString()!),
                };
            }
            else if (trade.State != "NOTPAY")
            {
                return trade.State == "SUCCESS" ? StubReply.Error(400, "ORDERPAID", "订单已支付") : StubReply.Error(400, "ORDER_CLOSED", "订单已关闭");
            }
        }
        var prepay = Uri.EscapeDataString(outTradeNo);
        return new StubReply(200, h5
            ? JsonSerializer.Serialize(new { h5_url = $"https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id={prepay}&package=1037687096" })
            : JsonSerializer.Serialize(new { code_url = $"weixin://wxpay/bizpayurl?pr={prepay}" }));
    }

    /// <summary>WeChat Pay's callback for a paid transaction, as it would post it now.</summary>
    public NotificationRequest Callback(string transactionJson) =>
        WeChatPayStubCallbacks.Of(account, transactionJson, clock.GetUtcNow());

    private StubReply Refund(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var outTradeNo = root.GetProperty("out_trade_no").GetString()!;
        var outRefundNo = root.GetProperty("out_refund_no").GetString()!;
        var amount = root.GetProperty("amount");
        lock (_trades)
        {
            if (!_refunds.TryGetValue(outRefundNo, out var refund))
            {
                if (!_trades.TryGetValue(outTradeNo, out var trade))
                {
                    return StubReply.Error(404, "RESOURCE_NOT_EXISTS", "订单不存在");
                }
                if (trade.State != "SUCCESS" || amount.GetProperty("total").GetInt64() != trade.TotalFen
                    || amount.GetProperty("refund").GetInt64() > trade.TotalFen || amount.GetProperty("currency").GetString() != "CNY")
                {
                    return StubReply.Error(400, "INVALID_REQUEST", "订单状态或金额不符");
                }
                if (BalanceShort)
                {
                    return StubReply.Error(403, "NOT_ENOUGH", "余额不足");
                }
                refund = new StubRefund(outTradeNo, "50300" + (_refunds.Count + 1), amount.GetProperty("refund").GetInt64(), clock.GetUtcNow());
                _refunds[outRefundNo] = refund;
            }
            var looks = refund.Looks + 1;
            _refunds[outRefundNo] = refund with { Looks = looks };
            var status = looks <= ProcessingAnswers ? "PROCESSING" : "SUCCESS";
            return new StubReply(200, JsonSerializer.Serialize(new
            {
                refund_id = refund.RefundId,
                out_refund_no = outRefundNo,
                out_trade_no = outTradeNo,
                status,
                success_time = status == "SUCCESS" ? refund.CreatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz") : null,
                amount = new { refund = refund.Fen, total = refund.Fen, currency = "CNY" },
            }));
        }
    }

    private sealed record StubRefund(string OutTradeNo, string RefundId, long Fen, DateTimeOffset CreatedAt)
    {
        public int Looks { get; init; }
    }

    [GeneratedRegex("^/v3/pay/transactions/out-trade-no/(?<no>[^/]+)(?<close>/close)?$")]
    private static partial Regex TradePath();

    private sealed record Trade(string State, long TotalFen, DateTimeOffset? PaidAt)
    {
        /// <summary>From this instant on the buyer cannot pay; none for a trade opened directly.</summary>
        public DateTimeOffset TimeExpire { get; init; } = DateTimeOffset.MaxValue;

        public Uri? NotifyUrl { get; init; }

        public string ToJson(WeChatPayStubAccount account, string outTradeNo) => JsonSerializer.Serialize(new
        {
            appid = account.AppId,
            mchid = account.MchId,
            out_trade_no = outTradeNo,
            transaction_id = PaidAt is null ? null : "4200000000" + Math.Abs(outTradeNo.GetHashCode()),
            trade_type = "NATIVE",
            trade_state = State,
            success_time = PaidAt?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            amount = new { total = TotalFen, currency = "CNY" },
        });
    }
}
