using System.Text.Json;

namespace OrderClose.Tools.Bench;

public sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(List<double> values)
    {
        if (values.Count == 0)
        {
            return new Percentiles(0, 0, 0, 0);
        }
        values.Sort();
        double At(double quantile) => values[(int)Math.Min(values.Count - 1, Math.Ceiling(quantile * values.Count) - 1)];
        return new Percentiles(At(0.50), At(0.95), At(0.99), values[^1]);
    }
}

/// <summary>What the drive cost the process (runner and client: they share it): CPU from its start to the drain, peak working set, GC heap after the drain.</summary>
public sealed record Resources(double CpuSeconds, long PeakWorkingSetBytes, long GcHeapBytes);

public sealed record FinalStates(int Paid, int Cancelled, int New, int Unreadable, int RefundRequired)
{
    /// <summary>One line for a report table.</summary>
    public string Describe() => $"PAID {Paid}, CANCELLED {Cancelled}, NEW {New}, unreadable {Unreadable}, refund required {RefundRequired}";
}

/// <summary>What a bench run measured. <see cref="Violations"/> counts orders not in the state they should be in.</summary>
public sealed record BenchReport(
    int Orders,
    double PaidRatio,
    double TimeoutSeconds,
    string Timeouts,
    int Pending,
    int Concurrency,
    string Storage,
    double CreatedPerSecond,
    long CreatesRefusedAtAdmission,
    int PaidAtCashier,
    int RefusedAtCashier,
    int Closes,
    double ClosesPerSecond,
    Percentiles CloseLatenessMs,
    double DrainSecondsAfterLastDeadline,
    double ProviderQueriesPerUnpaidOrder,
    double ProviderQueriesPerPaidOrder,
    double StoreOperationsPerOrder,
    double CpuSecondsPer1000Orders,
    double PeakWorkingSetMiB,
    double GcHeapMiB,
    FinalStates FinalStates,
    int Violations)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static BenchReport From(
        BenchOptions options, BenchOrders orders, bool[] created, PayOutcome[] pays, FinalOrder[] finals,
        double createSeconds, double drainSeconds, long storeOperations, long paidOrderQueries, long unpaidOrderQueries, Resources resources, long refusedAtAdmission)
    {
        var lateness = new List<double>();
        DateTimeOffset? firstClose = null, lastClose = null;
        int paid = 0, cancelled = 0, stillNew = 0, unreadable = 0, refunds = 0, violations = 0, paidOrders = 0;
        for (var i = 0; i < finals.Length; i++)
        {
            var final = finals[i];
            paidOrders += orders.IsPaid(i) ? 1 : 0;
            switch (final.State)
            {
                case "PAID": paid++; break;
                case "CANCELLED": cancelled++; break;
                case "NEW": stillNew++; break;
                default: unreadable++; break;
            }
            refunds += final.RefundRequired ? 1 : 0;
            if (final.State == "CANCELLED" && final.ClosedAt is { } closedAt)
            {
                lateness.Add((closedAt - final.PayDeadline).TotalMilliseconds);
                firstClose = firstClose is null || closedAt < firstClose ? closedAt : firstClose;
                lastClose = lastClose is null || closedAt > lastClose ? closedAt : lastClose;
            }
            var expected = pays[i] == PayOutcome.Paid ? "PAID" : "CANCELLED";
            if (!created[i] || pays[i] == PayOutcome.Failed || final.State != expected || final.RefundRequired)
            {
                violations++;
            }
        }

        var closeWindow = (lastClose - firstClose)?.TotalSeconds ?? 0;
        var unpaidOrders = finals.Length - paidOrders;
        return new BenchReport(
            options.Orders,
            options.PaidRatio,
            options.LongestTimeout.TotalSeconds,
            options.TimeoutsText,
            options.Pending,
            options.Concurrency,
            options.InMemory ? "SQLite in memory" : "SQLite files (WAL)",
            Round(options.Orders / createSeconds),
            refusedAtAdmission,
            pays.Count(p => p == PayOutcome.Paid),
            pays.Count(p => p == PayOutcome.Refused),
            cancelled,
            Round(closeWindow > 0 ? cancelled / closeWindow : cancelled),
            Percentiles.Of(lateness) with { },
            Round(drainSeconds),
            Round(unpaidOrders == 0 ? 0 : (double)unpaidOrderQueries / unpaidOrders),
            Round(paidOrders == 0 ? 0 : (double)paidOrderQueries / paidOrders),
            Round((double)storeOperations / options.Orders),
            Round(resources.CpuSeconds * 1000 / options.Orders),
            Round(resources.PeakWorkingSetBytes / 1024.0 / 1024.0),
            Round(resources.GcHeapBytes / 1024.0 / 1024.0),
            new FinalStates(paid, cancelled, stillNew, unreadable, refunds),
            violations);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToTable()
    {
        var rows = new (string Name, string Value)[]
        {
            ("orders", $"{Orders} ({PaidRatio:P0} paid at the sandbox cashier), timeout {Timeouts}, {Concurrency} requests in flight, {Storage}"),
            ("closes pending throughout (--pending)", $"{Pending}"),
            ("orders/s created (HTTP)", $"{CreatedPerSecond:0}"),
            ("creates refused at admission (503, sent again)", $"{CreatesRefusedAtAdmission}"),
            ("paid at the cashier / refused (closed first)", $"{PaidAtCashier} / {RefusedAtCashier}"),
            ("closes/s", $"{ClosesPerSecond:0} ({Closes} closes)"),
            ("close lateness p50 / p95 / p99 / max", $"{CloseLatenessMs.P50:0} / {CloseLatenessMs.P95:0} / {CloseLatenessMs.P99:0} / {CloseLatenessMs.Max:0} ms"),
            ("queue drained after the last deadline", $"{DrainSecondsAfterLastDeadline:0.00} s"),
            ("provider queries per unpaid order", $"{ProviderQueriesPerUnpaidOrder:0.00}"),
            ("provider queries per paid order", $"{ProviderQueriesPerPaidOrder:0.00}"),
            ("store operations per order", $"{StoreOperationsPerOrder:0.00}"),
            ("CPU seconds per 1,000 orders (runner + client)", $"{CpuSecondsPer1000Orders:0.00}"),
            ("peak memory (working set) / GC heap after drain", $"{PeakWorkingSetMiB:0} MiB / {GcHeapMiB:0} MiB"),
            ("final states", FinalStates.Describe()),
            ("violations", $"{Violations}"),
        };
        return ReportTable.Format(rows);
    }

    private static double Round(double value) => Math.Round(value, 2);
}
