namespace OrderClose.Tools.Capacity;

/// <summary>
/// What a sustained peak of orders per second needs from each service, and what a million orders cost, from the paths an
/// order takes (<see cref="OrderPaths"/>) and the figures in <see cref="CapacityAssumptions"/>. A peak is taken to last
/// longer than the payment timeout, so callbacks and closes run at the rate orders are created.
/// </summary>
public sealed record CapacityPlan(double OrdersPerSecond, double PaidRatio, CapacityAssumptions Assumptions)
{
    private const double HoursPerMonth = 730;

    public static CapacityPlan For(double ordersPerSecond, double paidRatio, CapacityAssumptions? assumptions = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ordersPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegative(paidRatio);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(paidRatio, 1);
        return new CapacityPlan(ordersPerSecond, paidRatio, assumptions ?? CapacityAssumptions.Default);
    }

    /// <summary>Per order: place and start payment always, then the paid or the unpaid path by the paid ratio.</summary>
    public double PerOrder(Func<OrderPath, int> measure) =>
        measure(OrderPaths.Place) + measure(OrderPaths.StartPayment)
        + PaidRatio * measure(OrderPaths.PaidByCallback) + (1 - PaidRatio) * measure(OrderPaths.ClosedUnpaid);

    public double ServiceBusOperationsPerOrder => PerOrder(p => p.ServiceBusOperations);

    public double ServiceBusOperationsPerSecond => OrdersPerSecond * ServiceBusOperationsPerOrder;

    public double RequestUnitsPerOrder =>
        PerOrder(p => p.CosmosReads) * Assumptions.ReadRu + PerOrder(p => p.CosmosCreates) * Assumptions.CreateRu
        + PerOrder(p => p.CosmosReplaces) * Assumptions.ReplaceRu;

    public double RequestUnitsPerSecond => OrdersPerSecond * RequestUnitsPerOrder;

    public double ExecutionsPerOrder => PerOrder(p => p.Executions);

    public double ExecutionsPerSecond => OrdersPerSecond * ExecutionsPerOrder;

    public double ProviderCallsPerOrder => PerOrder(p => p.ProviderCalls);

    public double ProviderCallsPerSecond => OrdersPerSecond * ProviderCallsPerOrder;

    /// <summary>Spans and log records the app sends Application Insights, every trace kept.</summary>
    public double TelemetryItemsPerOrder => PerOrder(p => p.Spans + p.LogRecords);

    public double TelemetryItemsPerSecond => OrdersPerSecond * TelemetryItemsPerOrder;

    /// <summary>
    /// The share of traces (and so of items: a trace's logs go with it) the exporter's default sampling keeps at the peak:
    /// each execution starts a trace, each instance keeps a few a second.
    /// </summary>
    public double SampledShareAtPeak => Math.Min(1,
        (HttpInstances + CloseInstances) * Assumptions.SampledTracesPerSecondPerInstance / ExecutionsPerSecond);

    /// <summary>HTTP executions in flight (rate × time), over the per-instance concurrency.</summary>
    public int HttpInstances => (int)Math.Ceiling(
        OrdersPerSecond * (1 + 1 + PaidRatio) * Assumptions.HttpSeconds / Assumptions.HttpConcurrencyPerInstance);

    public int CloseInstances => (int)Math.Ceiling(
        OrdersPerSecond * (1 - PaidRatio) * Assumptions.CloseSeconds / Assumptions.CloseConcurrencyPerInstance);

    /// <summary>Premium messaging units per namespace (null: Standard suffices), and how many namespaces.</summary>
    public (int? MessagingUnits, int Namespaces) ServiceBusTier
    {
        get
        {
            var operations = ServiceBusOperationsPerSecond;
            if (operations <= Assumptions.StandardOperationsPerSecond)
            {
                return (null, 1);
            }
            var largest = Assumptions.MessagingUnits[^1];
            var namespaces = (int)Math.Ceiling(operations / (largest * Assumptions.OperationsPerMessagingUnit));
            var perNamespace = operations / namespaces;
            return (Assumptions.MessagingUnits.First(units => units * Assumptions.OperationsPerMessagingUnit >= perNamespace), namespaces);
        }
    }

    /// <summary>Autoscale's maximum RU/s (null: serverless suffices), rounded up to a multiple of 1,000.</summary>
    public int? AutoscaleMaxThroughput => RequestUnitsPerSecond <= Assumptions.ServerlessMaxRuPerSecond
        ? null
        : (int)(Math.Ceiling(RequestUnitsPerSecond / 1000) * 1000);

    public int PhysicalPartitions => (int)Math.Ceiling(RequestUnitsPerSecond / Assumptions.RuPerPhysicalPartition);

    /// <summary>Cost of a million orders: executions and their GB-s, Service Bus Standard operations, Cosmos serverless RUs, telemetry GB.</summary>
    public double FunctionsCostPerMillion =>
        ExecutionsPerOrder * Assumptions.FunctionsPricePerMillionExecutions
        + 1_000_000 * InstanceSecondsPerOrder * Assumptions.InstanceMemoryGb * Assumptions.FunctionsPricePerGbSecond;

    public double ServiceBusCostPerMillion => ServiceBusOperationsPerOrder * Assumptions.ServiceBusStandardPricePerMillionOperations;

    public double CosmosCostPerMillion => RequestUnitsPerOrder * Assumptions.CosmosServerlessPricePerMillionRu;

    /// <summary>Application Insights ingestion of a million orders' telemetry, every trace kept (GB of 10^9 bytes).</summary>
    public double TelemetryGbPerMillion => 1_000_000 * TelemetryItemsPerOrder * Assumptions.TelemetryBytesPerItem / 1e9;

    public double TelemetryCostPerMillion => TelemetryGbPerMillion * Assumptions.LogAnalyticsPricePerGb;

    public double TotalCostPerMillion => FunctionsCostPerMillion + ServiceBusCostPerMillion + CosmosCostPerMillion + TelemetryCostPerMillion;

    /// <summary>Telemetry ingested a day at the peak (GB of 10^9 bytes), every trace kept.</summary>
    public double TelemetryGbPerDayAtPeak => TelemetryItemsPerSecond * Assumptions.TelemetryBytesPerItem * 86_400 / 1e9;

    /// <summary>What the Premium namespaces cost a month, if the tier needs them.</summary>
    public double PremiumMonthlyCost => ServiceBusTier is (int units, var namespaces)
        ? units * namespaces * Assumptions.ServiceBusPremiumPricePerUnitHour * HoursPerMonth
        : 0;

    /// <summary>Autoscale billed at its maximum every hour of a month: the bound for a peak that never ends.</summary>
    public double AutoscaleMonthlyCostAtPeak => AutoscaleMaxThroughput is int max
        ? max / 100.0 * Assumptions.CosmosAutoscalePricePer100RuHour * HoursPerMonth
        : 0;

    /// <summary>Instance time an order keeps busy: each execution's time over its instance's concurrency.</summary>
    private double InstanceSecondsPerOrder =>
        (1 + 1 + PaidRatio) * Assumptions.HttpSeconds / Assumptions.HttpConcurrencyPerInstance
        + (1 - PaidRatio) * Assumptions.CloseSeconds / Assumptions.CloseConcurrencyPerInstance;
}
