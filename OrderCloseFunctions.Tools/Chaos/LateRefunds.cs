using System.Text.Json.Serialization;
using OrderClose.Orders;
using OrderClose.Tools.Bench;

namespace OrderClose.Tools.Chaos;

/// <summary>
/// Late payments and their refunds, order by order: <paramref name="Paid"/> late payments the sandbox took,
/// <paramref name="Ended"/> of them ended as <paramref name="Policy"/> says (Refund: refund SUCCEEDED and exactly one
/// refund at the sandbox's ledger; Manual: refund MANUAL and none there), <paramref name="NotEnded"/> late payments that
/// did not end so, and <paramref name="RefundedWrongly"/> orders the sandbox refunded more than once, or without a late
/// payment, or at all under Manual.
/// </summary>
public sealed record LateRefunds(
    double Ratio,
    [property: JsonConverter(typeof(JsonStringEnumConverter<LatePaymentPolicy>))] LatePaymentPolicy Policy, int Paid, int Ended, int NotEnded, int RefundedWrongly)
{
    public int Violations => NotEnded + RefundedWrongly;

    /// <param name="refunds">How many refunds the sandbox's ledger holds of each order.</param>
    public static LateRefunds From(ChaosOptions options, BenchOrders orders, PayOutcome[] pays, FinalOrder[] finals, int[] refunds)
    {
        var refunding = options.LatePayments == LatePaymentPolicy.Refund;
        var (status, refundsMade) = refunding ? ("SUCCEEDED", 1) : ("MANUAL", 0);
        int paid = 0, ended = 0, notEnded = 0, wrongly = 0;
        for (var i = 0; i < finals.Length; i++)
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
