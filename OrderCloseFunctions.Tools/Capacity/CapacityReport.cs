using System.Globalization;
using System.Text;

namespace OrderClose.Tools.Capacity;

/// <summary>A <see cref="CapacityPlan"/> as the Markdown table <c>capacity</c> prints and docs/capacity.md holds.</summary>
public static class CapacityReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string ToTable(CapacityPlan plan)
    {
        var a = plan.Assumptions;
        var (units, namespaces) = plan.ServiceBusTier;
        var serviceBus = units is null
            ? $"Standard (up to {Count(a.StandardOperationsPerSecond)}/s)"
            : $"Premium, {units} messaging units{(namespaces > 1 ? $" × {namespaces} namespaces" : "")} ({Count(a.OperationsPerMessagingUnit)}/s each, assumed)";
        var cosmos = plan.AutoscaleMaxThroughput is int max
            ? $"autoscale, max {Count(max)} RU/s{(max > a.AutoscaleMaxRuPerSecond ? $" (over the {Count(a.AutoscaleMaxRuPerSecond)} RU/s default quota: ask for more)" : "")}"
            : $"serverless (up to {Count(a.ServerlessMaxRuPerSecond)} RU/s)";
        var instances = plan.HttpInstances + plan.CloseInstances;
        var table = new StringBuilder()
            .AppendLine(Invariant, $"Peak {Count(plan.OrdersPerSecond)} orders/s, {plan.PaidRatio.ToString("0.##", Invariant)} paid by callback, the rest closed unpaid at the deadline:")
            .AppendLine()
            .AppendLine("| | per order | at the peak, per second | needs |")
            .AppendLine("|---|---|---|---|")
            .AppendLine(Invariant, $"| Service Bus operations | {Ratio(plan.ServiceBusOperationsPerOrder)} | {Count(plan.ServiceBusOperationsPerSecond)} | {serviceBus} |")
            .AppendLine(Invariant, $"| Cosmos DB request units | {Ratio(plan.RequestUnitsPerOrder)} | {Count(plan.RequestUnitsPerSecond)} | {cosmos}; physical partitions: {Count(plan.PhysicalPartitions)} |")
            .AppendLine(Invariant, $"| Function executions | {Ratio(plan.ExecutionsPerOrder)} | {Count(plan.ExecutionsPerSecond)} | {Count(instances)} instances ({Count(plan.HttpInstances)} HTTP, {Count(plan.CloseInstances)} CloseOrder){(instances > a.MaxInstances ? $": over {Count(a.MaxInstances)} per app, split the app" : "")} |")
            .AppendLine(Invariant, $"| Provider API calls | {Ratio(plan.ProviderCallsPerOrder)} | {Count(plan.ProviderCallsPerSecond)} | {Percent(plan.ProviderCallsPerSecond / a.ProviderCallsPerSecondLimit)} of an assumed {Count(a.ProviderCallsPerSecondLimit)}/s per merchant |")
            .AppendLine(Invariant, $"| Application Insights items (spans, log records) | {Ratio(plan.TelemetryItemsPerOrder)} | {Count(plan.TelemetryItemsPerSecond)} | {Count(plan.TelemetryGbPerDayAtPeak)} GB a day if every trace is kept; the exporter's default sampling ({Ratio(a.SampledTracesPerSecondPerInstance)} traces/s per instance) keeps {Percent(plan.SampledShareAtPeak)} |")
            .AppendLine()
            .AppendLine("| cost per million orders (USD) | Functions | Service Bus Standard | Cosmos DB serverless | Application Insights, every trace kept | total |")
            .AppendLine("|---|---|---|---|---|---|")
            .AppendLine(Invariant, $"| | {Money(plan.FunctionsCostPerMillion)} | {Money(plan.ServiceBusCostPerMillion)} | {Money(plan.CosmosCostPerMillion)} | {Money(plan.TelemetryCostPerMillion)} ({Ratio(plan.TelemetryGbPerMillion)} GB) | {Money(plan.TotalCostPerMillion)} |")
            .AppendLine()
            .AppendLine(Invariant, $"Application Insights under the exporter's default sampling at this peak ({Percent(plan.SampledShareAtPeak)} of traces kept): {Money(plan.TelemetryCostPerMillion * plan.SampledShareAtPeak)} per million orders.");
        if (plan.PremiumMonthlyCost > 0 || plan.AutoscaleMonthlyCostAtPeak > 0)
        {
            table.AppendLine()
                .AppendLine(Invariant, $"Provisioned for this peak instead, a month: Service Bus Premium {Money(plan.PremiumMonthlyCost)}, Cosmos DB autoscale at its maximum every hour {Money(plan.AutoscaleMonthlyCostAtPeak)} (10 % of that when idle).");
        }
        return table.ToString();
    }

    private static string Count(double value) => value.ToString("#,0", Invariant);

    private static string Ratio(double value) => value.ToString("0.##", Invariant);

    private static string Percent(double value) => value.ToString("0.#%", Invariant);

    private static string Money(double value) => value.ToString("#,0.00", Invariant);
}
