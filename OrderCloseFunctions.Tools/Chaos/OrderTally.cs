using OrderClose.Orders.Ports;
using OrderClose.Tools.Bench;

namespace OrderClose.Tools.Chaos;

/// <summary>The invariants and final states of some of a run's orders (all of them, or one pay type's), order by order.</summary>
internal static class OrderTally
{
    /// <param name="trades">What each order's provider says of its trade: whether the buyer paid.</param>
    public static (Invariants Invariants, FinalStates FinalStates) Of(
        IEnumerable<int> indices, BenchOrders orders, bool[] created, PayOutcome[] pays, FinalOrder[] finals, TradeState?[] trades, ChaosCounts counts)
    {
        int unpaidNotCancelled = 0, paidNotPaid = 0, transitionsNotOne = 0, leftNew = 0, unrecorded = 0, notDriven = 0, recorded = 0;
        int paid = 0, cancelled = 0, unreadable = 0, refunds = 0;
        foreach (var i in indices)
        {
            var final = finals[i];
            var buyerPaid = trades[i] == TradeState.Paid;
            paid += final.State == "PAID" ? 1 : 0;
            cancelled += final.State == "CANCELLED" ? 1 : 0;
            unreadable += final.State is null ? 1 : 0;
            refunds += final.RefundRequired ? 1 : 0;
            leftNew += final.State == "NEW" ? 1 : 0;
            notDriven += !created[i] || pays[i] == PayOutcome.Failed || final.State is null || (pays[i] == PayOutcome.Paid) != buyerPaid ? 1 : 0;
            // A NEW order is counted once, as left NEW, not again here.
            transitionsNotOne += final.State is "PAID" or "CANCELLED" && counts.MovesOf(orders.Number(i)) != 1 ? 1 : 0;
            if (buyerPaid && final.State == "CANCELLED")
            {
                recorded += final.RefundRequired ? 1 : 0;
                unrecorded += final.RefundRequired ? 0 : 1;
            }
            else if (buyerPaid)
            {
                paidNotPaid += final.State is "PAID" or "NEW" or null ? 0 : 1;
            }
            else
            {
                unpaidNotCancelled += final.State is "CANCELLED" or "NEW" or null ? 0 : 1;
            }
        }
        return (new Invariants(unpaidNotCancelled, paidNotPaid, transitionsNotOne, leftNew, unrecorded, notDriven, recorded),
            new FinalStates(paid, cancelled, leftNew, unreadable, refunds));
    }
}
