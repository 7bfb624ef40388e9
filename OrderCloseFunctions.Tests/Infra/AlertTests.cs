using System.Text.Json.Nodes;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>The template's alerts: what each watches, when it fires, and that Azure accepts it on a fresh deployment.</summary>
public sealed class AlertTests
{
    private static readonly TemplateScope Main = CompiledTemplate.Evaluate();

    [Fact]
    public void The_dead_letter_alert_skips_metric_validation_so_a_namespace_without_metrics_yet_is_accepted()
    {
        var alert = Main.Deployment("dead-letter-alert").Resources("Microsoft.Insights/metricAlerts").Single()["properties"]!;

        Assert.All(alert["criteria"]!["allOf"]!.AsArray(), criterion => Assert.True((bool)criterion!["skipMetricValidation"]!));
    }

    [Fact]
    public void The_dead_letter_alert_targets_the_namespace_the_service_bus_module_deployed()
    {
        var alertModule = CompiledTemplate.Json["resources"]!.AsArray()
            .Single(r => Text(r!["name"]) == "dead-letter-alert")!["properties"]!["parameters"]!.AsObject();

        // Through its outputs, which is what makes the alert wait for the namespace.
        Assert.Contains("'service-bus'", Text(alertModule["serviceBusNamespaceId"]!["value"]));
        Assert.Equal(Text(Main.Deployment("service-bus").Output("namespaceId")), Text(Main.Deployment("dead-letter-alert").Resources("Microsoft.Insights/metricAlerts").Single()["properties"]!["scopes"]![0]));
    }
}
