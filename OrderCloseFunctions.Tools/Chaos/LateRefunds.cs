using OrderClose.Tools.Bench;

namespace OrderClose.Tools.Chaos;

/// <summary>
/// Late payments and their refunds, order by order: <paramref name="Paid"/> late payments the provider took,
/// <paramref name="Succeeded"/> of them refunded (refund SUCCEEDED and exactly one refund at the provider's ledger),
/// <paramref name="NotRefundedOnce"/> late payments that did not end so, and <paramref name="RefundedWrongly"/> orders
/// the provider refunded more than once, or without a late payment.
/// </summary>
public sealed record LateRefunds(double Ratio, int Paid, int Succeeded, int NotRefundedOnce, int RefundedWrongly)
{
    public int Violations => NotRefundedOnce + RefundedWrongly;

    /// <param name="refunds">How many refunds each order's provider holds in its ledger.</param>
    /// <param name="indices">The orders to look at (one pay type's); null: all.</param>
    public static LateRefunds From(ChaosOptions options, BenchOrders orders, PayOutcome[] pays, FinalOrder[] finals, int[] refunds, IEnumerable<int>? indices = null)
    {
        int paid = 0, succeeded = 0, notOnce = 0, wrongly = 0;
        foreach (var i in indices ?? Enumerable.Range(0, finals.Length))
        {
            var late = options.PaysLate(orders, i) && pays[i] == PayOutcome.Paid;
            if (late)
            {
                paid++;
                var once = finals[i].RefundStatus == "SUCCEEDED" && refunds[i] == 1;
                succeeded += once ? 1 : 0;
                notOnce += once ? 0 : 1;
            }
            wrongly += refunds[i] > 1 || (!late && refunds[i] > 0) ? 1 : 0;
        }
        return new LateRefunds(options.LatePayRatio, paid, succeeded, notOnce, wrongly);
    }
}
