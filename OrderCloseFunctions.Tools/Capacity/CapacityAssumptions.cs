namespace OrderClose.Tools.Capacity;

/// <summary>
/// The figures the capacity plan rests on: what one order costs each service (counted from the code's paths), and the
/// published limits and prices it is held against. Each says where it comes from; "assumed" marks what no source
/// fixes and a load test in Azure should replace. docs/capacity.md lists them.
/// </summary>
public sealed record CapacityAssumptions
{
    // Cosmos DB, per 1 KB order document ("Optimize request cost in Azure Cosmos DB", learn.microsoft.com, read 2025):
    // a point read of 1 KB is 1 RU; inserting 1 KB costs about 5.5 RU without indexing, a replace twice an insert.

    /// <summary>A point read of the order, or of a missing one (CreateOrder's first look).</summary>
    public double ReadRu { get; init; } = 1;

    /// <summary>The create: 5.5 RU plus its index terms (all paths and two composite indexes), rounded up; assumed.</summary>
    public double CreateRu { get; init; } = 6;

    /// <summary>A compare-and-set replace: twice the insert.</summary>
    public double ReplaceRu { get; init; } = 12;

    /// <summary>Cosmos DB: one physical partition serves at most 10,000 RU/s (learn.microsoft.com "Partitioning and horizontal scaling", read 2025).</summary>
    public double RuPerPhysicalPartition { get; init; } = 10_000;

    /// <summary>Serverless: a container's most RU/s (learn.microsoft.com "Serverless", read 2025: 5,000 RU/s).</summary>
    public double ServerlessMaxRuPerSecond { get; init; } = 5_000;

    /// <summary>Autoscale: the template's maximum (cosmosAutoscaleMaxThroughput), the provisioned default quota per account.</summary>
    public double AutoscaleMaxRuPerSecond { get; init; } = 1_000_000;

    /// <summary>Service Bus Standard: 1,000 credits/s per namespace, one per data operation ("Service Bus throttling", learn.microsoft.com, read 2025).</summary>
    public double StandardOperationsPerSecond { get; init; } = 1_000;

    /// <summary>Service Bus Premium: operations/s one messaging unit sustains with 1 KB messages; assumed (measure it).</summary>
    public double OperationsPerMessagingUnit { get; init; } = 2_000;

    /// <summary>The messaging units a Premium namespace offers (the template's serviceBusMessagingUnits).</summary>
    public IReadOnlyList<int> MessagingUnits { get; init; } = [1, 2, 4, 8, 16];

    /// <summary>An HTTP function's time per request (CreateOrder: a read, a create, a schedule); assumed.</summary>
    public double HttpSeconds { get; init; } = 0.05;

    /// <summary>CloseOrder's time per close (a read, the provider's query and close, two replaces, an event); assumed.</summary>
    public double CloseSeconds { get; init; } = 0.6;

    /// <summary>Flex Consumption's default HTTP concurrency per 2,048 MB instance (learn.microsoft.com "Flex Consumption plan", read 2025).</summary>
    public double HttpConcurrencyPerInstance { get; init; } = 16;

    /// <summary>host.json serviceBus.maxConcurrentCalls.</summary>
    public double CloseConcurrencyPerInstance { get; init; } = 16;

    /// <summary>Flex Consumption's most instances per app (the template's maximumInstanceCount range).</summary>
    public int MaxInstances { get; init; } = 1000;

    /// <summary>Calls a payment provider takes per second from one merchant; assumed: neither Alipay nor WeChat Pay publishes one figure for every merchant.</summary>
    public double ProviderCallsPerSecondLimit { get; init; } = 1_000;

    /// <summary>Instance memory (GB) of the template's instanceMemoryMB.</summary>
    public double InstanceMemoryGb { get; init; } = 2;

    /// <summary>
    /// Billed bytes of one Application Insights item (a request, dependency or trace row); assumed. Azure Monitor bills the
    /// string size of the columns it stores, in GB of 10^9 bytes ("Azure Monitor Logs cost calculations and options",
    /// learn.microsoft.com/azure/azure-monitor/logs/cost-logs): a row's ids, names, timings, role and SDK columns and its
    /// custom dimensions come to about a kilobyte. Measure it: each row's <c>_BilledSize</c>.
    /// </summary>
    public double TelemetryBytesPerItem { get; init; } = 1_000;

    /// <summary>
    /// Traces per second the app's exporter keeps in each instance: Azure.Monitor.OpenTelemetry.Exporter 1.10's
    /// <c>UseAzureMonitorExporter</c> installs a rate-limited sampler, <c>AzureMonitorExporterOptions.TracesPerSecond</c> = 5 by
    /// default, and drops the log records of the traces it samples out (<c>EnableTraceBasedLogsSampler</c>, on by default).
    /// </summary>
    public double SampledTracesPerSecondPerInstance { get; init; } = 5;

    // Prices, USD, pay-as-you-go, one region (East US), as last read in 2025 and not rechecked here: check the pages.

    /// <summary>Azure Functions pricing page, Flex Consumption on demand: execution time per GB-s.</summary>
    public double FunctionsPricePerGbSecond { get; init; } = 0.000026;

    /// <summary>Azure Functions pricing page, Flex Consumption on demand: per million executions.</summary>
    public double FunctionsPricePerMillionExecutions { get; init; } = 0.40;

    /// <summary>Service Bus pricing page, Standard: per million operations (13M to 100M a month).</summary>
    public double ServiceBusStandardPricePerMillionOperations { get; init; } = 0.80;

    /// <summary>Service Bus pricing page, Premium: per messaging unit per hour.</summary>
    public double ServiceBusPremiumPricePerUnitHour { get; init; } = 0.928;

    /// <summary>Azure Cosmos DB pricing page, serverless: per million RU.</summary>
    public double CosmosServerlessPricePerMillionRu { get; init; } = 0.25;

    /// <summary>Azure Cosmos DB pricing page, autoscale, one write region: per 100 RU/s (of the hour's highest) per hour.</summary>
    public double CosmosAutoscalePricePer100RuHour { get; init; } = 0.012;

    /// <summary>Azure Monitor pricing page, Log Analytics pay-as-you-go Analytics Logs ingestion: per GB (the first 5 GB a month free).</summary>
    public double LogAnalyticsPricePerGb { get; init; } = 2.30;

    public static CapacityAssumptions Default { get; } = new();
}
