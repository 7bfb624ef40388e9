using System.Globalization;
using System.Text.Json;
using OrderClose.Tools.Bench;
using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Chaos;

public sealed record Retries(long Abandons, long BackoffReschedules);

/// <summary>
/// The promise, order by order. The sandbox's ledger says whether the buyer paid. <paramref name="NotDriven"/>:
/// orders the driver could not place, pay or read back, retries and all.
/// </summary>
public sealed record Invariants(
    int UnpaidNotCancelled,
    int PaidNotPaid,
    int TransitionsNotOne,
    int LeftNew,
    int PaidAfterCancelNotRecorded,
    int NotDriven,
    int PaidAfterCancelRecorded)
{
    public int Violations => UnpaidNotCancelled + PaidNotPaid + TransitionsNotOne + LeftNew + PaidAfterCancelNotRecorded + NotDriven;
}

/// <summary>What a chaos run did and whether every invariant held: <see cref="Violations"/> is 0 when it did.</summary>
public sealed record ChaosReport(
    int Orders,
    double PaidRatio,
    double TimeoutSeconds,
    IReadOnlyList<string> Faults,
    double Rate,
    int Seed,
    string Kill,
    IReadOnlyDictionary<string, long> FaultsInjected,
    Retries? Retries,
    int DeadLetters,
    long? SweeperCloses,
    FinalStates FinalStates,
    bool SettledWithinBound,
    double Seconds,
    Invariants Invariants,
    int Violations)
{
    /// <summary>Late payments (<c>--late-pay-ratio</c>) and their refunds; their violations are in <see cref="Violations"/>.</summary>
    public LateRefunds? LateRefunds { get; init; }

    /// <summary>The order events in the topic and at the webhook; their violations are in <see cref="Violations"/>.</summary>
    public EventInvariants? Events { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static ChaosReport From(
        ChaosOptions options, BenchOrders orders, bool[] created, PayOutcome[] pays, FinalOrder[] finals, TradeState?[] trades,
        ChaosCounts counts, IReadOnlyDictionary<string, long> injected, int deadLetters, long? sweeperCloses, bool settled, double seconds,
        LateRefunds? lateRefunds = null, EventInvariants? events = null)
    {
        int unpaidNotCancelled = 0, paidNotPaid = 0, transitionsNotOne = 0, leftNew = 0, unrecorded = 0, notDriven = 0, recorded = 0;
        int paid = 0, cancelled = 0, unreadable = 0, refunds = 0;
        for (var i = 0; i < finals.Length; i++)
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
        var invariants = new Invariants(unpaidNotCancelled, paidNotPaid, transitionsNotOne, leftNew, unrecorded, notDriven, recorded);
        return new ChaosReport(
            options.Run.Orders,
            options.Run.PaidRatio,
            options.Run.Timeout.TotalSeconds,
            [.. options.Faults.Enabled.Order(StringComparer.Ordinal)],
            options.Faults.Rate,
            options.Faults.Seed,
            options.Kill == KillMode.Process ? "process" : "in-process",
            injected,
            // A child process settles its messages out of our sight.
            options.Kill == KillMode.InProcess ? new Retries(counts.Abandons, counts.Reschedules) : null,
            deadLetters,
            sweeperCloses,
            new FinalStates(paid, cancelled, leftNew, unreadable, refunds),
            settled,
            Math.Round(seconds, 1),
            invariants,
            invariants.Violations + (lateRefunds?.Violations ?? 0) + (events?.Violations ?? 0))
        {
            LateRefunds = lateRefunds,
            Events = events,
        };
    }

    private const string NotSeen = "not seen (the runner is a child process)";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToTable()
    {
        var rows = new List<(string Name, string Value)>
        {
            ("orders", $"{Orders} ({PaidRatio:P0} paid at the sandbox cashier), timeout {TimeoutSeconds:0} s"),
            ("faults", $"{string.Join(",", Faults)} at rate {Rate}, seed {Seed}, kill {Kill}"),
        };
        rows.AddRange(FaultsInjected.Select(fault => ($"  injected {fault.Key}", fault.Value.ToString(CultureInfo.InvariantCulture))));
        rows.AddRange(
        [
            ("retries (abandons + backoff reschedules)", Retries is { } retries
                ? $"{retries.Abandons + retries.BackoffReschedules} ({retries.Abandons} + {retries.BackoffReschedules})"
                : NotSeen),
            ("dead letters", $"{DeadLetters}"),
            ("sweeper closes", SweeperCloses is { } sweeperCloses ? $"{sweeperCloses}" : NotSeen),
            ("final states", $"PAID {FinalStates.Paid}, CANCELLED {FinalStates.Cancelled}, NEW {FinalStates.New}, unreadable {FinalStates.Unreadable}, refund required {FinalStates.RefundRequired}"),
            ("settled within the bound", $"{(SettledWithinBound ? "yes" : "no")}, in {Seconds:0.0} s"),
            ("unpaid not CANCELLED", $"{Invariants.UnpaidNotCancelled}"),
            ("paid not PAID", $"{Invariants.PaidNotPaid}"),
            ("orders moved other than once", $"{Invariants.TransitionsNotOne}"),
            ("left NEW past deadline + bound", $"{Invariants.LeftNew}"),
            ("paid after cancel: recorded / not", $"{Invariants.PaidAfterCancelRecorded} / {Invariants.PaidAfterCancelNotRecorded}"),
            ("not placed, paid or read by the driver", $"{Invariants.NotDriven}"),
            ("late payments (ratio, policy): ended as the policy says / not", LateRefunds is { } late
                ? $"{late.Paid} ({late.Ratio}, {late.Policy}): {late.Ended} / {late.NotEnded}"
                : "none asked (--late-pay-ratio 0)"),
            ("orders refunded twice or without a late payment", $"{LateRefunds?.RefundedWrongly ?? 0}"),
            .. EventInvariantRows.Of(Events),
            ("violations", $"{Violations}"),
        ]);
        return ReportTable.Format(rows);
    }
}
