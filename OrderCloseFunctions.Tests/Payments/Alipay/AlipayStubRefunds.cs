using System.Collections.Concurrent;
using System.Text.Json;

namespace OrderClose.Tests.Payments.Alipay;

/// <summary>
/// A refund ledger behind the gateway stub, as Alipay keeps one: <c>alipay.trade.refund</c> refunds a paid trade once
/// per <c>out_request_no</c> (<c>fund_change</c> <c>Y</c> the first time; a repeat answers the same refund with
/// <c>N</c>), and <c>alipay.trade.fastpay.refund.query</c> answers <c>REFUND_SUCCESS</c> for a refund made. A trade in
/// <see cref="Unpaid"/> refuses with <c>ACQ.TRADE_NOT_ALLOW_REFUND</c>. Other methods go to <see cref="Otherwise"/>.
/// </summary>
internal sealed class AlipayStubRefunds(AlipayGatewayStub gateway)
{
    public const string TradeNo = "2024050222001";
    public const string RefundedAt = "2024-05-02 00:31:00";

    private readonly ConcurrentDictionary<string, (string OutTradeNo, string Amount)> _refunds = new(StringComparer.Ordinal);

    public HashSet<string> Unpaid { get; } = new(StringComparer.Ordinal);

    /// <summary>When true, a new refund is taken but not finished (<c>fund_change</c> <c>N</c>, the query without a status).</summary>
    public bool Slow { get; set; }

    public Func<GatewayRequest, GatewayReply> Otherwise { get; set; } = _ => new GatewayReply(500, "no reply scripted");

    /// <summary>How many refunds the ledger made of <paramref name="outTradeNo"/>, whatever their request numbers.</summary>
    public int RefundsOf(string outTradeNo) => _refunds.Values.Count(refund => refund.OutTradeNo == outTradeNo);

    public string? AmountOf(string outRequestNo) => _refunds.TryGetValue(outRequestNo, out var refund) ? refund.Amount : null;

    public GatewayReply Answer(GatewayRequest request)
    {
        using var biz = JsonDocument.Parse(request.Fields["biz_content"]);
        var outTradeNo = biz.RootElement.GetProperty("out_trade_no").GetString()!;
        switch (request.Method)
        {
            case "alipay.trade.refund":
                var outRequestNo = biz.RootElement.GetProperty("out_request_no").GetString()!;
                if (Unpaid.Contains(outTradeNo))
                {
                    return gateway.Signed(request.Method,
                        """{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_ALLOW_REFUND","sub_msg":"当前交易不允许退款"}""");
                }
                var amount = biz.RootElement.GetProperty("refund_amount").GetString()!;
                var made = _refunds.TryAdd(outRequestNo, (outTradeNo, amount));
                var fundChange = made && !Slow ? "Y" : "N";
                return gateway.Signed(request.Method, $$"""
                    {"code":"10000","msg":"Success","trade_no":"{{TradeNo}}","out_trade_no":"{{outTradeNo}}","fund_change":"{{fundChange}}","refund_fee":"{{amount}}","gmt_refund_pay":"{{RefundedAt}}"}
                    """);
            case "alipay.trade.fastpay.refund.query":
                var queried = biz.RootElement.GetProperty("out_request_no").GetString()!;
                var status = _refunds.ContainsKey(queried) && !Slow ? "\"refund_status\":\"REFUND_SUCCESS\",\"gmt_refund_pay\":\"" + RefundedAt + "\"," : "";
                return gateway.Signed(request.Method,
                    $$"""{"code":"10000","msg":"Success",{{status}}"trade_no":"{{TradeNo}}","out_trade_no":"{{outTradeNo}}","out_request_no":"{{queried}}"}""");
            default:
                return Otherwise(request);
        }
    }
}
