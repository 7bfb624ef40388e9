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

    /// <summary>
    /// Every invariant again, over each pay type's orders (<c>--pay-types</c>); <see cref="Violations"/> is their sum,
    /// plus the webhook POSTs that did not verify, which are no pay type's.
    /// </summary>
    public IReadOnlyDictionary<string, PayTypeReport> PayTypes { get; init; } = new Dictionary<string, PayTypeReport>();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <param name="refunds">How many refunds each order's provider made; null when no late payment was asked.</param>
    /// <param name="seen">What the providers saw of the app, by pay type, for those that tell.</param>
    public static ChaosReport From(
        ChaosOptions options, BenchOrders orders, bool[] created, PayOutcome[] pays, FinalOrder[] finals, TradeState?[] trades,
        ChaosCounts counts, IReadOnlyDictionary<string, long> injected, int deadLetters, long? sweeperCloses, bool settled, double seconds,
        int[]? refunds = null, (OrderEventLedger Ledger, WebhookDeliveries Deliveries)? topic = null, IReadOnlyDictionary<string, object>? seen = null)
    {
        var (invariants, finalStates) = OrderTally.Of(Enumerable.Range(0, finals.Length), orders, created, pays, finals, trades, counts);
        var events = topic is var (ledger, deliveries) ? EventInvariants.From(orders, finals, ledger, deliveries) : null;
        var payTypes = PayTypeReport.For(options, orders, created, pays, finals, trades, counts, refunds, topic, seen);
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
            finalStates,
            settled,
            Math.Round(seconds, 1),
            invariants,
            // Every order is of one pay type, so this is every invariant's violations, late refunds' and events' included.
            payTypes.Values.Sum(payType => payType.Violations) + (int)(events?.PostsNotAuthentic ?? 0))
        {
            LateRefunds = refunds is null ? null : LateRefunds.From(options, orders, pays, finals, refunds),
            Events = events,
            PayTypes = payTypes,
        };
    }

    private const string NotSeen = "not seen (the runner is a child process)";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToTable()
    {
        var rows = new List<(string Name, string Value)>
        {
            ("orders", $"{Orders} ({PaidRatio:P0} paid at their cashier), timeout {TimeoutSeconds:0} s"),
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
            ("final states", FinalStates.Describe()),
            ("settled within the bound", $"{(SettledWithinBound ? "yes" : "no")}, in {Seconds:0.0} s"),
        ]);
        rows.AddRange(InvariantRows(Invariants, LateRefunds, indent: ""));
        rows.AddRange(EventInvariantRows.Of(Events));
        rows.AddRange(PayTypes.SelectMany(payType => payType.Value.Rows(payType.Key)));
        rows.Add(("violations", $"{Violations}"));
        return ReportTable.Format(rows);
    }

    /// <summary>Each invariant's row, for the whole run or (indented) for one pay type.</summary>
    internal static IEnumerable<(string Name, string Value)> InvariantRows(Invariants invariants, LateRefunds? lateRefunds, string indent) =>
    [
        ($"{indent}unpaid not CANCELLED", $"{invariants.UnpaidNotCancelled}"),
        ($"{indent}paid not PAID", $"{invariants.PaidNotPaid}"),
        ($"{indent}orders moved other than once", $"{invariants.TransitionsNotOne}"),
        ($"{indent}left NEW past deadline + bound", $"{invariants.LeftNew}"),
        ($"{indent}paid after cancel: recorded / not", $"{invariants.PaidAfterCancelRecorded} / {invariants.PaidAfterCancelNotRecorded}"),
        ($"{indent}not placed, paid or read by the driver", $"{invariants.NotDriven}"),
        ($"{indent}late payments (ratio, policy): ended as the policy says / not", lateRefunds is { } late
            ? $"{late.Paid} ({late.Ratio}, {late.Policy}): {late.Ended} / {late.NotEnded}"
            : "none asked (--late-pay-ratio 0)"),
        ($"{indent}orders refunded twice or without a late payment", $"{lateRefunds?.RefundedWrongly ?? 0}"),
    ];
}
