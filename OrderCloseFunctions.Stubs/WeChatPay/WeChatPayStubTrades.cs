using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrderClose.Orders.Ports;

namespace OrderClose.Stubs.WeChatPay;

/// <summary>
/// A trade ledger behind the WeChat Pay stub, for end-to-end runs: trades are opened (as the buyer's cashier would),
/// paid (with or without the callback reaching the app), queried, closed and refunded through the API as WeChat Pay
/// would. A refund is made once per <c>out_refund_no</c>: asking again answers the refund made.
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

    public StubReply Respond(StubRequest request)
    {
        if (request.Method == "POST" && request.Path == "/v3/refund/domestic/refunds")
        {
            return Refund(request.Body);
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

    /// <summary>The buyer pays; false when the trade is closed (or unknown). Returns the paid transaction's JSON.</summary>
    public bool TryPay(string outTradeNo, out string transactionJson)
    {
        lock (_trades)
        {
            transactionJson = "";
            if (!_trades.TryGetValue(outTradeNo, out var trade) || trade.State != "NOTPAY")
            {
                return false;
            }
            var paid = trade with { State = "SUCCESS", PaidAt = clock.GetUtcNow() };
            _trades[outTradeNo] = paid;
            transactionJson = paid.ToJson(account, outTradeNo);
            return true;
        }
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
