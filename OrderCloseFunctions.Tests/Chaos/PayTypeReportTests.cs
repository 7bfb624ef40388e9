using System.Text.Json;
using OrderClose.LocalRunner.Events;
using OrderClose.Orders;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Orders;
using OrderClose.Tools.Bench;
using OrderClose.Tools.Chaos;
using OrderClose.Tools.Chaos.PayTypes;

namespace OrderClose.Tests.Chaos;

/// <summary>chaos --pay-types: every invariant over each pay type's orders, and the total their sum.</summary>
public sealed class PayTypeReportTests
{
    private const int Orders = 40;

    private static readonly ChaosOptions Options = ChaosOptions.Default with
    {
        Run = ChaosOptions.Default.Run with { Orders = Orders },
        PayTypes = PayTypeMix.Parse("SANDBOX,WECHATPAY"),
        LatePayRatio = 1.0,
    };

    private readonly BenchOrders _orders = new("R", 0.5);
    private readonly ChaosCounts _counts = new();
    private readonly bool[] _created = [.. Enumerable.Repeat(true, Orders)];
    private readonly PayOutcome[] _pays = new PayOutcome[Orders];
    private readonly FinalOrder[] _finals = new FinalOrder[Orders];
    private readonly TradeState?[] _trades = new TradeState?[Orders];
    private readonly int[] _refunds = new int[Orders];
    private readonly List<TopicEvent> _topic = [];

    /// <summary>
    /// Every order ends as it should, moved once, each transition with its event taken by the webhook: a paid one PAID;
    /// an unpaid one CANCELLED, paid late and refunded once.
    /// </summary>
    public PayTypeReportTests()
    {
        for (var i = 0; i < Orders; i++)
        {
            _counts.Moved(_orders.Number(i));
            _pays[i] = PayOutcome.Paid;
            _trades[i] = TradeState.Paid;
            var paidInTime = _orders.IsPaid(i);
            _finals[i] = paidInTime
                ? new FinalOrder("PAID", TestOrders.Deadline, null, false)
                : new FinalOrder("CANCELLED", TestOrders.Deadline, TestOrders.Deadline, true) { RefundStatus = "SUCCEEDED" };
            _refunds[i] = paidInTime ? 0 : 1;
            Event(i, 1, paidInTime ? OrderEventTypes.Paid : OrderEventTypes.Cancelled);
            if (!paidInTime)
            {
                Event(i, 2, OrderEventTypes.RefundSucceeded);
            }
        }
    }

    [Fact]
    public void When_every_order_ends_as_it_should_no_pay_type_has_a_violation_and_each_has_its_orders()
    {
        var report = Report();

        Assert.Equal(0, report.Violations);
        Assert.Equal([PayTypeMix.Sandbox, PayTypeMix.WeChatPay], report.PayTypes.Keys);
        Assert.All(report.PayTypes.Values, payType => Assert.True(payType.Orders > 0 && payType.Violations == 0));
        Assert.Equal(Orders, report.PayTypes.Values.Sum(payType => payType.Orders));
        Assert.Equal(report.LateRefunds!.Paid, report.PayTypes.Values.Sum(payType => payType.LateRefunds!.Paid));
    }

    [Fact]
    public void A_broken_invariant_is_counted_under_its_order_s_pay_type_and_in_the_total()
    {
        var wechatPayUnpaid = First(PayTypeMix.WeChatPay, paid: false);
        _trades[wechatPayUnpaid] = TradeState.Closed;
        _pays[wechatPayUnpaid] = PayOutcome.NotPaid;
        _refunds[wechatPayUnpaid] = 0;
        _finals[wechatPayUnpaid] = new FinalOrder("PAID", TestOrders.Deadline, null, false);
        _topic.RemoveAll(e => e.Subject == _orders.Number(wechatPayUnpaid));
        Event(wechatPayUnpaid, 1, OrderEventTypes.Paid);

        var report = Report();

        Assert.Equal(1, report.PayTypes[PayTypeMix.WeChatPay].Invariants.UnpaidNotCancelled);
        Assert.Equal(1, report.PayTypes[PayTypeMix.WeChatPay].Violations);
        Assert.Equal(0, report.PayTypes[PayTypeMix.Sandbox].Violations);
        Assert.Equal(1, report.Violations);
    }

    [Fact]
    public void A_late_payment_refunded_twice_is_counted_under_its_order_s_pay_type_and_in_the_total()
    {
        _refunds[First(PayTypeMix.Sandbox, paid: false)] = 2;

        var report = Report();

        // Not refunded exactly once, and refunded twice: two violations.
        var late = report.PayTypes[PayTypeMix.Sandbox].LateRefunds!;
        Assert.Equal(new LateRefunds(1.0, LatePaymentPolicy.Refund, late.Paid, late.Paid - 1, NotEnded: 1, RefundedWrongly: 1), late);
        Assert.Equal(2, report.PayTypes[PayTypeMix.Sandbox].Violations);
        Assert.Equal(0, report.PayTypes[PayTypeMix.WeChatPay].Violations);
        Assert.Equal(2, report.Violations);
    }

    [Fact]
    public void The_json_has_a_block_per_pay_type_with_what_its_provider_saw_and_the_table_rows_per_pay_type()
    {
        var seen = new WeChatPayStubCounts(NativeOrders: 20, Queries: 9, Closes: 8, RefundRequests: 10, CallbacksSent: 12, CallbacksAccepted: 11,
            CallbacksLost: 2, RefusedSignatures: 0);

        var report = Report(new Dictionary<string, object> { [PayTypeMix.WeChatPay] = seen });

        var payTypes = JsonDocument.Parse(report.ToJson()).RootElement.GetProperty("payTypes");
        Assert.Equal(JsonValueKind.Null, payTypes.GetProperty("SANDBOX").GetProperty("provider").ValueKind);
        var wechatPay = payTypes.GetProperty("WECHATPAY");
        Assert.Equal(0, wechatPay.GetProperty("violations").GetInt32());
        Assert.Equal(0, wechatPay.GetProperty("invariants").GetProperty("unpaidNotCancelled").GetInt32());
        Assert.Equal(9, wechatPay.GetProperty("provider").GetProperty("queries").GetInt64());
        var table = report.ToTable();
        Assert.Matches(@"pay type SANDBOX\s+\d+ orders: PAID \d+", table);
        Assert.Matches(@"pay type WECHATPAY\s+\d+ orders: PAID \d+", table);
        Assert.Matches(@"provider saw\s+WeChat Pay stub: native orders 20, queries 9, closes 8", table);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(table, @"unpaid not CANCELLED\s+0").Count);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(table, @"transitions without an event / with two ids\s+0 / 0").Count);
    }

    [Fact]
    public void An_order_event_missing_is_counted_under_its_order_s_pay_type_and_in_the_total()
    {
        var wechatPayPaid = _orders.Number(First(PayTypeMix.WeChatPay, paid: true));
        _topic.RemoveAll(e => e.Subject == wechatPayPaid);

        var report = Report();

        Assert.Equal(1, report.PayTypes[PayTypeMix.WeChatPay].Events!.TransitionsWithoutEvent);
        Assert.Equal(1, report.PayTypes[PayTypeMix.WeChatPay].Violations);
        Assert.Equal(0, report.PayTypes[PayTypeMix.Sandbox].Violations);
        Assert.Equal(report.Events!.Events, report.PayTypes.Values.Sum(payType => payType.Events!.Events));
        Assert.Equal(1, report.Violations);
    }

    private void Event(int order, int sequence, string type)
    {
        var outTradeNo = _orders.Number(order);
        _topic.Add(new TopicEvent(_topic.Count + 1, OrderEvent.IdOf(outTradeNo, sequence, type), type, outTradeNo, "{}", 0));
    }

    private int First(string payType, bool paid) =>
        Enumerable.Range(0, Orders).First(i => Options.PayTypes.Of(i) == payType && _orders.IsPaid(i) == paid);

    private ChaosReport Report(IReadOnlyDictionary<string, object>? seen = null) =>
        ChaosReport.From(Options, _orders, _created, _pays, _finals, _trades, _counts, new Dictionary<string, long>(), 0, 0, true, 1, _refunds,
            (OrderEventLedger.Of(_topic), new WebhookDeliveries(_topic.Count, 0, _topic.ToDictionary(e => e.Id, _ => 1))), seen);
}
