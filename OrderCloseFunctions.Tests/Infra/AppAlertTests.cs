using System.Text.Json.Nodes;
using OrderClose.Orders;
using OrderClose.Tests.Observability;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>
/// The alerts beyond the close queue's dead letters: close lateness p99, provider error ratio, failed refunds and the
/// refund queue's dead letters. Each reads what the app emits, fires past its parameter, and notifies the action group.
/// </summary>
public sealed class AppAlertTests
{
    private static TemplateScope Alerts(IReadOnlyDictionary<string, JsonNode?>? overrides = null) => CompiledTemplate.Evaluate(overrides).Deployment("app-alerts");

    private static JsonNode LogAlert(string suffix, IReadOnlyDictionary<string, JsonNode?>? overrides = null) =>
        Alerts(overrides).Resources("Microsoft.Insights/scheduledQueryRules").Single(r => Text(r["name"]).EndsWith(suffix, StringComparison.Ordinal))["properties"]!;

    private static JsonNode Criterion(JsonNode alert) => Assert.Single(alert["criteria"]!["allOf"]!.AsArray())!;

    private static string ApplicationInsightsId => ResourceId("Microsoft.Insights/components",
        Text(CompiledTemplate.Evaluate().Deployment("monitoring").Output("applicationInsightsName")));

    public static TheoryData<string> LogAlerts() => new("-close-lateness", "-provider-errors", "-refunds-failed");

    [Fact]
    public void The_lateness_alert_takes_the_p99_of_the_lateness_each_settled_close_logs_against_its_parameter()
    {
        var criterion = Criterion(LogAlert("-close-lateness"));
        var query = Text(criterion["query"]);

        Assert.Equal([CloseUnpaidOrder.LatenessLogProperty], TelemetryQuery.Dimensions(query));
        Assert.Contains($"percentile(todouble(customDimensions.{CloseUnpaidOrder.LatenessLogProperty}), 99)", query, StringComparison.Ordinal);
        Assert.Equal(("p99", "GreaterThan", 60000), (Text(criterion["metricMeasureColumn"]), Text(criterion["operator"]), (int)criterion["threshold"]!));
        Assert.Equal(1000, new TemplateParameter("closeLatenessP99AlertMs").MinValue);
        Assert.Equal(5000, (int)Criterion(LogAlert("-close-lateness", new Dictionary<string, JsonNode?> { ["closeLatenessP99AlertMs"] = 5000 }))["threshold"]!);
    }

    [Fact]
    public void The_provider_error_alert_computes_the_failed_share_of_provider_calls_against_its_parameter()
    {
        var criterion = Criterion(LogAlert("-provider-errors"));
        var query = Text(criterion["query"]);
        var parameter = new TemplateParameter("providerErrorAlertPercent");

        Assert.Equal(["orderclose.provider.duration"], TelemetryQuery.MetricNames(query));
        Assert.Contains("outcome", MeterInstruments.OfOrderMetrics["orderclose.provider.duration"]);
        Assert.Equal(["outcome"], TelemetryQuery.Dimensions(query));
        Assert.Equal(("errorPercent", "GreaterThan", 5), (Text(criterion["metricMeasureColumn"]), Text(criterion["operator"]), (int)criterion["threshold"]!));
        Assert.Equal((1, 100), (parameter.MinValue, parameter.MaxValue));
        Assert.Equal(20, (int)Criterion(LogAlert("-provider-errors", new Dictionary<string, JsonNode?> { ["providerErrorAlertPercent"] = 20 }))["threshold"]!);
    }

    [Fact]
    public void The_refund_alert_fires_on_any_failed_refund_the_refunds_counter_records()
    {
        var criterion = Criterion(LogAlert("-refunds-failed"));
        var query = Text(criterion["query"]);

        Assert.Equal(["orderclose.refunds"], TelemetryQuery.MetricNames(query));
        Assert.Subset(MeterInstruments.OfOrderMetrics["orderclose.refunds"].ToHashSet(), TelemetryQuery.Dimensions(query));
        Assert.Contains("== 'failed'", query, StringComparison.Ordinal);
        Assert.Equal(("GreaterThan", 0), (Text(criterion["operator"]), (int)criterion["threshold"]!));
    }

    [Theory]
    [MemberData(nameof(LogAlerts))]
    public void A_log_alert_queries_the_template_s_Application_Insights_and_skips_validation_on_a_fresh_component(string alert)
    {
        var properties = LogAlert(alert);

        Assert.Equal([ApplicationInsightsId], properties["scopes"]!.AsArray().Select(s => Text(s)));
        Assert.True((bool)properties["skipQueryValidation"]!);
        Assert.All(MetricNamesOf(properties), name => Assert.Contains(name, MeterInstruments.OfOrderMetrics.Keys));
    }

    [Fact]
    public void The_refund_dead_letter_alert_watches_the_refund_queue_on_the_template_s_namespace()
    {
        var serviceBus = CompiledTemplate.Evaluate().Deployment("service-bus");
        var alert = Alerts().Resources("Microsoft.Insights/metricAlerts").Single()["properties"]!;
        var criterion = Criterion(alert);

        Assert.Equal([Text(serviceBus.Output("namespaceId"))], alert["scopes"]!.AsArray().Select(s => Text(s)));
        Assert.Equal("DeadletteredMessages", Text(criterion["metricName"]));
        Assert.Equal([Text(serviceBus.Output("refundQueueName"))], criterion["dimensions"]![0]!["values"]!.AsArray().Select(v => Text(v)));
        Assert.True((bool)criterion["skipMetricValidation"]!);
    }

    [Fact]
    public void Every_alert_notifies_the_dead_letter_alert_s_action_group_when_there_is_an_e_mail_and_none_without()
    {
        var withEmail = new Dictionary<string, JsonNode?> { ["alertEmail"] = "ops@example.com" };
        var actionGroup = Text(CompiledTemplate.Evaluate(withEmail).Deployment("dead-letter-alert").Output("actionGroupId"));

        Assert.EndsWith("/providers/Microsoft.Insights/actionGroups/" + Text(CompiledTemplate.Evaluate(withEmail).Deployment("dead-letter-alert")
            .Resources("Microsoft.Insights/actionGroups").Single()["name"]), actionGroup, StringComparison.Ordinal);
        foreach (var suffix in new[] { "-close-lateness", "-provider-errors", "-refunds-failed" })
        {
            Assert.Equal([actionGroup], LogAlert(suffix, withEmail)["actions"]!["actionGroups"]!.AsArray().Select(a => Text(a)));
            Assert.Empty(LogAlert(suffix)["actions"]!["actionGroups"]!.AsArray());
        }
        Assert.Equal(actionGroup, Text(Alerts(withEmail).Resources("Microsoft.Insights/metricAlerts").Single()["properties"]!["actions"]![0]!["actionGroupId"]));
    }

    private static IEnumerable<string> MetricNamesOf(JsonNode alert) => TelemetryQuery.MetricNames(Text(Criterion(alert)["query"]));
}
