using OrderClose.Orders.Ports;
using OrderClose.Tools.Bench;

namespace OrderClose.Tools.Chaos;

/// <summary>
/// The invariants over one pay type's orders, and what its provider saw of the app (<see cref="Provider"/>, e.g. the
/// WeChat Pay stub's queries, closes and callbacks; null for the sandbox, whose ledger is all there is).
/// </summary>
/// <param name="PaymentsRefused">
/// Buyers meant to pay in time whom the cashier refused: the close came first, or (WeChat Pay) the payment could no
/// longer be started or was past its <c>time_expire</c>. Their orders must end CANCELLED; not a violation.
/// </param>
public sealed record PayTypeReport(
    int Orders, FinalStates FinalStates, int PaymentsRefused, Invariants Invariants, LateRefunds? LateRefunds, EventInvariants? Events, int Violations)
{
    public object? Provider { get; init; }

    /// <summary>A report for each pay type of the run, over the orders <see cref="ChaosOptions.PayTypes"/> gave it.</summary>
    /// <param name="refunds">How many refunds each order's provider made; null when no late payment was asked.</param>
    /// <param name="topic">The runner's event topic and what the webhook took; null when the events are not checked.</param>
    /// <param name="seen">What the providers saw, by pay type, for those that tell.</param>
    public static IReadOnlyDictionary<string, PayTypeReport> For(
        ChaosOptions options, BenchOrders orders, bool[] created, PayOutcome[] pays, FinalOrder[] finals, TradeState?[] trades,
        ChaosCounts counts, int[]? refunds, (OrderEventLedger Ledger, WebhookDeliveries Deliveries)? topic, IReadOnlyDictionary<string, object>? seen) =>
        options.PayTypes.Types.ToDictionary(payType => payType, payType =>
        {
            var mine = Enumerable.Range(0, finals.Length).Where(i => options.PayTypes.Of(i) == payType).ToList();
            var (invariants, finalStates) = OrderTally.Of(mine, orders, created, pays, finals, trades, counts);
            var late = refunds is null ? null : LateRefunds.From(options, orders, pays, finals, refunds, mine);
            var events = topic is var (ledger, deliveries) ? EventInvariants.From(orders, finals, ledger, deliveries, mine) : null;
            var refused = mine.Count(i => orders.IsPaid(i) && pays[i] == PayOutcome.Refused);
            return new PayTypeReport(mine.Count, finalStates, refused, invariants, late, events,
                invariants.Violations + (late?.Violations ?? 0) + (events?.Violations ?? 0))
            {
                Provider = seen?.GetValueOrDefault(payType),
            };
        }, StringComparer.Ordinal);

    /// <summary>Its rows in the report table, under the pay type's name.</summary>
    public IEnumerable<(string Name, string Value)> Rows(string payType) =>
    [
        ($"pay type {payType}", $"{Orders} orders: {FinalStates.Describe()}"),
        ("  buyers refused at the cashier", $"{PaymentsRefused}"),
        .. ChaosReport.InvariantRows(Invariants, LateRefunds, indent: "  "),
        .. EventInvariantRows.Of(Events, indent: "  "),
        .. Provider is null ? [] : new[] { ("  provider saw", Provider.ToString() ?? "") },
        ("  violations", $"{Violations}"),
    ];
}
