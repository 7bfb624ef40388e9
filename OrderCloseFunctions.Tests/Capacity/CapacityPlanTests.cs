using System.Text.Json.Nodes;
using OrderClose.Tests.Infra;
using OrderClose.Tools.Capacity;

namespace OrderClose.Tests.Capacity;

/// <summary>The capacity plan's arithmetic, and its figures held to the template and host.json they describe.</summary>
public sealed class CapacityPlanTests
{
    [Theory]
    [InlineData(1.0, 3, 3)]
    [InlineData(0.0, 4, 4)]
    [InlineData(0.5, 3.5, 3.5)]
    public void Service_Bus_operations_per_order_are_the_schedule_plus_the_paid_or_the_unpaid_path(double paidRatio, double perOrder, double perSecondPerOrder)
    {
        var plan = CapacityPlan.For(1, paidRatio);

        // Schedule; then cancel + event (paid) or receive + complete + event (unpaid).
        Assert.Equal(perOrder, plan.ServiceBusOperationsPerOrder, 9);
        Assert.Equal(perSecondPerOrder, plan.ServiceBusOperationsPerSecond, 9);
    }

    [Fact]
    public void Request_units_per_order_are_three_reads_a_create_and_two_replaces_whichever_way_the_order_ends()
    {
        var a = CapacityAssumptions.Default;
        var expected = 3 * a.ReadRu + a.CreateRu + 2 * a.ReplaceRu;

        Assert.Equal(expected, CapacityPlan.For(1, 0).RequestUnitsPerOrder, 9);
        Assert.Equal(expected, CapacityPlan.For(1, 1).RequestUnitsPerOrder, 9);
        Assert.Equal(33, expected, 9);
    }

    [Fact]
    public void Provider_calls_are_the_payment_start_and_for_an_unpaid_order_the_query_and_the_close()
    {
        Assert.Equal(1, CapacityPlan.For(1, 1).ProviderCallsPerOrder, 9);
        Assert.Equal(3, CapacityPlan.For(1, 0).ProviderCallsPerOrder, 9);
        Assert.Equal(3, CapacityPlan.For(1, 0.5).ExecutionsPerOrder, 9);
    }

    [Theory]
    [InlineData(100, null, 1)]
    [InlineData(1_000, 2, 1)]
    [InlineData(9_000, 16, 1)]
    [InlineData(10_000, 16, 2)]
    [InlineData(100_000, 16, 11)]
    public void Service_Bus_stays_Standard_up_to_its_throttle_then_takes_the_fewest_messaging_units_then_more_namespaces(double ordersPerSecond, int? units, int namespaces)
    {
        Assert.Equal((units, namespaces), CapacityPlan.For(ordersPerSecond, 0.5).ServiceBusTier);
    }

    [Theory]
    [InlineData(100, null, 1)]
    [InlineData(1_000, 33_000, 4)]
    [InlineData(100_000, 3_300_000, 330)]
    public void Cosmos_stays_serverless_under_its_limit_then_autoscales_to_the_next_thousand(double ordersPerSecond, int? maxThroughput, int partitions)
    {
        var plan = CapacityPlan.For(ordersPerSecond, 0.5);

        Assert.Equal(maxThroughput, plan.AutoscaleMaxThroughput);
        Assert.Equal(partitions, plan.PhysicalPartitions);
    }

    [Fact]
    public void Instances_are_executions_in_flight_over_each_trigger_s_concurrency()
    {
        var plan = CapacityPlan.For(1_000, 0.5);

        // HTTP: 2.5 executions × 1,000/s × 0.05 s = 125 in flight / 16; closes: 500/s × 0.6 s = 300 / 16.
        Assert.Equal((8, 19), (plan.HttpInstances, plan.CloseInstances));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void Telemetry_per_order_is_each_path_s_spans_and_log_records_billed_by_the_gigabyte(double paidRatio)
    {
        var a = CapacityAssumptions.Default;
        var plan = CapacityPlan.For(1, paidRatio);
        static int Items(OrderPath path) => path.Spans + path.LogRecords;
        var items = Items(OrderPaths.Place) + Items(OrderPaths.StartPayment)
            + paidRatio * Items(OrderPaths.PaidByCallback) + (1 - paidRatio) * Items(OrderPaths.ClosedUnpaid);

        Assert.Equal(items, plan.TelemetryItemsPerOrder, 9);
        // GB of 10^9 bytes, as Azure Monitor bills them.
        Assert.Equal(items * a.TelemetryBytesPerItem / 1_000, plan.TelemetryGbPerMillion, 9);
        Assert.Equal(plan.TelemetryGbPerMillion * a.LogAnalyticsPricePerGb, plan.TelemetryCostPerMillion, 9);
        Assert.Equal(plan.FunctionsCostPerMillion + plan.ServiceBusCostPerMillion + plan.CosmosCostPerMillion + plan.TelemetryCostPerMillion,
            plan.TotalCostPerMillion, 9);
    }

    [Fact]
    public void Half_paid_orders_send_22_items_each_22_GB_and_USD_50_60_a_million_when_every_trace_is_kept()
    {
        var plan = CapacityPlan.For(1_000, 0.5);

        // 6 (place) + 4 (start payment) + 9 / 2 (paid) + 15 / 2 (closed): OrderPathsTests measures each.
        Assert.Equal(22, plan.TelemetryItemsPerOrder, 9);
        Assert.Equal(22, plan.TelemetryGbPerMillion, 9);
        Assert.Equal(50.6, plan.TelemetryCostPerMillion, 9);
        Assert.Equal(22_000.0 * 1_000 * 86_400 / 1e9, plan.TelemetryGbPerDayAtPeak, 9);
    }

    [Theory]
    [InlineData(100, 3, 300)]
    [InlineData(1_000, 27, 3_000)]
    public void The_exporter_s_default_sampling_keeps_a_few_traces_a_second_per_instance(double ordersPerSecond, int instances, double executionsPerSecond)
    {
        var plan = CapacityPlan.For(ordersPerSecond, 0.5);

        Assert.Equal(instances, plan.HttpInstances + plan.CloseInstances);
        Assert.Equal(executionsPerSecond, plan.ExecutionsPerSecond, 9);
        Assert.Equal(instances * CapacityAssumptions.Default.SampledTracesPerSecondPerInstance / executionsPerSecond, plan.SampledShareAtPeak, 9);
    }

    [Fact]
    public void A_trickle_of_orders_keeps_every_trace()
    {
        Assert.Equal(1, CapacityPlan.For(0.1, 0.5).SampledShareAtPeak, 9);
    }

    [Theory]
    [InlineData(-1, 0.5)]
    [InlineData(0, 0.5)]
    [InlineData(10, 1.5)]
    [InlineData(10, -0.1)]
    public void A_peak_or_ratio_out_of_range_is_refused(double ordersPerSecond, double paidRatio)
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => CapacityPlan.For(ordersPerSecond, paidRatio));
    }

    [Fact]
    public void The_plan_s_limits_are_the_template_s_and_host_json_s()
    {
        var a = CapacityAssumptions.Default;
        var host = JsonNode.Parse(RepositoryFiles.Read("host.json"))!;
        var functionApp = CompiledTemplate.Evaluate().Deployment("function-app");

        Assert.Equal(new TemplateParameter("serviceBusMessagingUnits").AllowedValues, a.MessagingUnits.Select(u => u.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new TemplateParameter("cosmosAutoscaleMaxThroughput").MaxValue, (int)a.AutoscaleMaxRuPerSecond);
        Assert.Equal(new TemplateParameter("maximumInstanceCount").MaxValue, a.MaxInstances);
        Assert.Equal((int)host["extensions"]!["serviceBus"]!["maxConcurrentCalls"]!, (int)a.CloseConcurrencyPerInstance);
        Assert.Equal((int)functionApp.Parameter("instanceMemoryMB")!, (int)(a.InstanceMemoryGb * 1024));
    }
}
