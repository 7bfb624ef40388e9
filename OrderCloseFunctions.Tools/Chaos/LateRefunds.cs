using System.Text.Json.Serialization;
using OrderClose.Orders;
using OrderClose.Tools.Bench;

namespace OrderClose.Tools.Chaos;

/// <summary>
/// Late payments and their refunds, order by order: <paramref name="Paid"/> late payments the provider took,
/// <paramref name="Ended"/> of them ended as <paramref name="Policy"/> says (Refund: refund SUCCEEDED and exactly one
/// refund at the provider's ledger; Manual: refund MANUAL and none there), <paramref name="NotEnded"/> late payments that
/// did not end so, and <paramref name="RefundedWrongly"/> orders the provider refunded more than once, or without a late
/// payment, or at all under Manual.
/// </summary>
public sealed record LateRefunds(
    double Ratio,
    [property: JsonConverter(typeof(JsonStringEnumConverter<LatePaymentPolicy>))] LatePaymentPolicy Policy, int Paid, int Ended, int NotEnded, int RefundedWrongly)
{
    public int Violations => NotEnded + RefundedWrongly;

    /// <param name="refunds">How many refunds each order's provider holds in its ledger.</param>
    /// <param name="indices">The orders to look at (one pay type's); null: all.</param>
    public static LateRefunds From(
        ChaosOptions options, BenchOrders orders, PayOutcome[] pays, FinalOrder[] finals, int[] refunds, IEnumerable<int>? indices = null)
    {
        var refunding = options.LatePayments == LatePaymentPolicy.Refund;
        var (status, refundsMade) = refunding ? ("SUCCEEDED", 1) : ("MANUAL", 0);
        int paid = 0, ended = 0, notEnded = 0, wrongly = 0;
        foreach (var i in indices ?? Enumerable.Range(0, finals.Length))
        {
            var late = options.PaysLate(orders, i) && pays[i] == PayOutcome.Paid;
            if (late)
            {
                paid++;
                var once = finals[i].RefundStatus == status && refunds[i] == refundsMade;
                ended += once ? 1 : 0;
                notEnded += once ? 0 : 1;
            }
            wrongly += refunds[i] > (late && refunding ? 1 : 0) ? 1 : 0;
        }
        return new LateRefunds(options.LatePayRatio, options.LatePayments, paid, ended, notEnded, wrongly);
    }
}
