using OrderClose.Tools.Bench;
using OrderClose.Orders;
using OrderClose.Tools.Faults;

namespace OrderClose.Tools.Chaos;

/// <summary><c>chaos</c>: the drive (orders, paid ratio, timeout, concurrency, json) plus the faults, and how a restart ends the runner.</summary>
public sealed record ChaosOptions(BenchOptions Run, FaultOptions Faults, TimeSpan RestartEvery, KillMode Kill = KillMode.InProcess)
{
    /// <summary>
    /// The share of the buyers who do not pay in time who pay after the cancel, through the sandbox's old cashier link
    /// without an expiry (<c>POST /sandbox/late-pay/{no}</c>): each such payment must end with exactly one refund.
    /// </summary>
    public double LatePayRatio { get; init; }

    /// <summary>What the runner does with a late payment (<c>Orders:LatePayments</c>): refund it, or leave it MANUAL for a person.</summary>
    public LatePaymentPolicy LatePayments { get; init; } = LatePaymentPolicy.Refund;

    /// <summary>Whether the buyer of order <paramref name="index"/> pays late: a share of the unpaid, spread evenly.</summary>
    public bool PaysLate(BenchOrders orders, int index)
    {
        // Orders before index that are paid: floor(index · paid ratio) (BenchOrders.IsPaid); the rest are unpaid.
        var unpaidRank = index - (long)Math.Floor(index * Run.PaidRatio);
        return !orders.IsPaid(index) && Math.Floor((unpaidRank + 1) * LatePayRatio) > Math.Floor(unpaidRank * LatePayRatio);
    }

    /// <summary>A smaller, quicker drive than the bench's (a chaos run waits out retries and sweeps), every fault on, a restart every 3 s.</summary>
    public static readonly ChaosOptions Default = new(
        new BenchOptions { Orders = 2000, Timeout = TimeSpan.FromSeconds(2) },
        new FaultOptions { Enabled = FaultOptions.Parse("all") },
        TimeSpan.FromSeconds(3));
}
