using OrderClose.Orders;
using OrderClose.Tools.Bench;
using OrderClose.Tools.Chaos;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.Chaos;

/// <summary>chaos --late-pay-ratio: who pays late, and the invariant that every late payment ends with exactly one refund.</summary>
public sealed class LateRefundsTests
{
    private readonly BenchOrders _orders = new("R", 0.5);

    [Theory]
    [InlineData(0.1, 1000, 50)]
    [InlineData(0.5, 1000, 250)]
    [InlineData(1.0, 10, 5)]
    [InlineData(0.0, 1000, 0)]
    public void The_ratio_is_a_share_of_the_buyers_who_do_not_pay_in_time_and_only_of_them(double ratio, int orders, int late)
    {
        var options = Options(orders, ratio);

        var latePayers = Enumerable.Range(0, orders).Where(i => options.PaysLate(_orders, i)).ToList();

        Assert.Equal(late, latePayers.Count);
        Assert.All(latePayers, i => Assert.False(_orders.IsPaid(i)));
    }

    [Fact]
    public void A_late_payment_refunded_once_passes_and_every_other_ending_is_a_violation()
    {
        var options = Options(orders: 6, ratio: 1.0);
        // Late payers are the unpaid: 0, 2, 4. 0 refunded once; 2 refunded twice; 4 PENDING; 1 (paid in time) refunded.
        PayOutcome[] pays = [PayOutcome.Paid, PayOutcome.Paid, PayOutcome.Paid, PayOutcome.Paid, PayOutcome.Paid, PayOutcome.Paid];
        FinalOrder[] finals =
        [
            Final("SUCCEEDED"), Final(null), Final("SUCCEEDED"), Final(null), Final("PENDING"), Final(null),
        ];
        int[] refunds = [1, 1, 2, 0, 0, 0];

        var late = LateRefunds.From(options, _orders, pays, finals, refunds);

        Assert.Equal(new LateRefunds(1.0, LatePaymentPolicy.Refund, Paid: 3, Ended: 1, NotEnded: 2, RefundedWrongly: 2), late);
        Assert.Equal(4, late.Violations);
    }

    [Fact]
    public void Under_manual_a_late_payment_must_end_manual_and_any_refund_is_a_violation()
    {
        var options = Options(orders: 6, ratio: 1.0) with { LatePayments = LatePaymentPolicy.Manual };
        // Late payers 0, 2, 4. 0 MANUAL, nothing refunded; 2 MANUAL yet refunded once; 4 refunded SUCCEEDED as under Refund.
        PayOutcome[] pays = [PayOutcome.Paid, PayOutcome.Paid, PayOutcome.Paid, PayOutcome.Paid, PayOutcome.Paid, PayOutcome.Paid];
        FinalOrder[] finals = [Final("MANUAL"), Final(null), Final("MANUAL"), Final(null), Final("SUCCEEDED"), Final(null)];
        int[] refunds = [0, 0, 1, 0, 1, 0];

        var late = LateRefunds.From(options, _orders, pays, finals, refunds);

        Assert.Equal(new LateRefunds(1.0, LatePaymentPolicy.Manual, Paid: 3, Ended: 1, NotEnded: 2, RefundedWrongly: 2), late);
    }

    [Fact]
    public void The_report_counts_the_late_refund_violations_with_the_others()
    {
        var options = Options(orders: 2, ratio: 1.0);
        var late = new LateRefunds(1.0, LatePaymentPolicy.Refund, Paid: 1, Ended: 0, NotEnded: 1, RefundedWrongly: 0);

        var report = ChaosReport.From(options, _orders, [true, true], [PayOutcome.Paid, PayOutcome.Paid],
            [Final("PENDING") with { State = "CANCELLED", RefundRequired = true }, Final(null) with { State = "PAID" }],
            [OrderClose.Orders.Ports.TradeState.Paid, OrderClose.Orders.Ports.TradeState.Paid],
            new ChaosCounts(), new Dictionary<string, long>(), 0, 0, true, 1, late);

        Assert.Equal(late, report.LateRefunds);
        Assert.Equal(report.Invariants.Violations + 1, report.Violations);
    }

    private static ChaosOptions Options(int orders, double ratio) =>
        ChaosOptions.Default with { Run = ChaosOptions.Default.Run with { Orders = orders }, LatePayRatio = ratio };

    private static FinalOrder Final(string? refundStatus) =>
        new("CANCELLED", TestOrders.Deadline, null, refundStatus is not null) { RefundStatus = refundStatus };
}
