using System.Text.Json.Nodes;
using OrderClose.Orders;
using OrderClose.Tests.Observability;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>
/// The workbook the template deploys: over the Application Insights component and the Service Bus namespace the template
/// deploys, and its queries read only what the app emits: instruments the real <see cref="OrderMetrics"/> creates, with
/// the tags they carry, and the settled-close log record's lateness.
/// </summary>
public sealed class WorkbookTests
{
    private static readonly TemplateScope Main = CompiledTemplate.Evaluate();
    private static readonly JsonObject Workbook = Main.Deployment("workbook").Resources("Microsoft.Insights/workbooks").Single();
    private static readonly JsonObject Content = JsonNode.Parse(Text(Workbook["properties"]!["serializedData"]))!.AsObject();

    private static IEnumerable<JsonNode> Items(int type) => Content["items"]!.AsArray().Where(i => (int)i!["type"]! == type).Select(i => i!["content"]!);

    private static IEnumerable<string> Queries => Items(3).Select(q => Text(q["query"]));

    private static string ApplicationInsightsId => ResourceId("Microsoft.Insights/components", Text(Main.Deployment("monitoring").Output("applicationInsightsName")));

    [Fact]
    public void The_workbook_is_a_shared_workbook_over_the_template_s_Application_Insights_and_each_query_runs_there()
    {
        Assert.Equal("Notebook/1.0", Text(Content["version"]));
        Assert.Equal("shared", Text(Workbook["kind"]));
        Assert.Equal(ApplicationInsightsId, Text(Workbook["properties"]!["sourceId"]));
        Assert.NotEmpty(Items(3));
        Assert.All(Items(3), query => Assert.Equal([ApplicationInsightsId], query["crossComponentResources"]!.AsArray().Select(r => Text(r))));
    }

    [Fact]
    public void Every_metric_a_query_names_is_an_instrument_the_app_s_meter_creates()
    {
        var named = Queries.SelectMany(MetricNames).ToHashSet();

        Assert.NotEmpty(named);
        Assert.Subset(MeterInstruments.OfOrderMetrics.Keys.ToHashSet(), named);
    }

    [Fact]
    public void A_metric_query_reads_only_dimensions_that_its_instruments_tag()
    {
        foreach (var query in Queries.Where(q => q.StartsWith("customMetrics", StringComparison.Ordinal)))
        {
            var tags = MetricNames(query).SelectMany(name => MeterInstruments.OfOrderMetrics[name]).ToHashSet();
            Assert.Subset(tags, Dimensions(query));
        }
    }

    [Fact]
    public void The_lateness_percentiles_read_the_property_the_settled_close_logs()
    {
        var lateness = Assert.Single(Queries, q => q.StartsWith("traces", StringComparison.Ordinal));

        Assert.Equal([CloseUnpaidOrder.LatenessLogProperty], Dimensions(lateness));
        Assert.Contains("percentile(latenessMs, 99)", lateness, StringComparison.Ordinal);
    }

    [Fact]
    public void The_workbook_shows_the_dashboard_s_instruments()
    {
        var named = Queries.SelectMany(MetricNames).ToHashSet();

        Assert.Superset(new HashSet<string> { "orderclose.orders.created", "orderclose.orders.paid", "orderclose.orders.cancelled",
            "orderclose.provider.duration", "orderclose.refunds", "orderclose.late_payments" }, named);
        // Paid is split by what noticed the payment: the instrument's source tag.
        Assert.Contains(Queries, q => q.Contains("'orderclose.orders.paid'", StringComparison.Ordinal) && Dimensions(q).Contains("source"));
    }

    [Fact]
    public void The_queue_charts_read_the_template_s_Service_Bus_namespace_split_by_entity()
    {
        var namespaceId = Text(Main.Deployment("service-bus").Output("namespaceId"));
        var charts = Items(10).ToList();

        Assert.All(charts, chart => Assert.Equal([namespaceId], chart["resourceIds"]!.AsArray().Select(r => Text(r))));
        Assert.Equal(["ActiveMessages", "ScheduledMessages", "DeadletteredMessages"],
            charts.SelectMany(c => c["metrics"]!.AsArray()).Select(m => Text(m!["metric"]).Split("--")[1]));
        Assert.All(charts.SelectMany(c => c["metrics"]!.AsArray()), m => Assert.Equal("EntityName", Text(m!["splitBy"])));
        // The dead-letter alert watches the same metric.
        var alert = Main.Deployment("dead-letter-alert").Resources("Microsoft.Insights/metricAlerts").Single();
        Assert.Equal("DeadletteredMessages", Text(alert["properties"]!["criteria"]!["allOf"]![0]!["metricName"]));
    }

    private static HashSet<string> Dimensions(string query) => TelemetryQuery.Dimensions(query);

    private static HashSet<string> MetricNames(string query) => TelemetryQuery.MetricNames(query);
}
