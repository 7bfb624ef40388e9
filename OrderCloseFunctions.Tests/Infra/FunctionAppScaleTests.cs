using System.Text.Json.Nodes;
using OrderClose.Tests.Support;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>
/// How the Function App scales: always-ready instances for the queue-triggered functions (a due close must not wait for
/// a cold start) and the most instances it may take, each a validated parameter that reaches the site.
/// </summary>
public sealed class FunctionAppScaleTests
{
    private const string FunctionPrefix = "function:";

    private static JsonNode ScaleAndConcurrency(IReadOnlyDictionary<string, JsonNode?>? overrides = null) =>
        CompiledTemplate.Evaluate(overrides).Deployment("function-app").Resources("Microsoft.Web/sites").Single()
            ["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!;

    private static Dictionary<string, int> AlwaysReady(IReadOnlyDictionary<string, JsonNode?>? overrides = null) =>
        ScaleAndConcurrency(overrides)["alwaysReady"]!.AsArray().ToDictionary(entry => Text(entry!["name"]), entry => (int)entry!["instanceCount"]!);

    [Fact]
    public void Every_service_bus_triggered_function_and_only_those_has_always_ready_instances_under_its_metadata_name()
    {
        var queueTriggered = GeneratedFunctionMetadata.TriggeredBy("serviceBusTrigger").Select(f => FunctionPrefix + f.Function);

        Assert.Equal(queueTriggered.Order(), AlwaysReady().Keys.Order());
    }

    [Fact]
    public void CloseOrder_has_one_always_ready_instance_by_default_and_none_when_the_parameter_says_0()
    {
        var parameter = new TemplateParameter("closeOrderAlwaysReady");

        Assert.Equal(1, AlwaysReady()["function:CloseOrder"]);
        Assert.Equal(0, parameter.MinValue);
        Assert.Equal(0, AlwaysReady(new Dictionary<string, JsonNode?> { ["closeOrderAlwaysReady"] = 0 })["function:CloseOrder"]);
    }

    [Fact]
    public void The_always_ready_instances_fit_under_the_maximum_instance_count()
    {
        var scale = ScaleAndConcurrency();

        Assert.True(AlwaysReady().Values.Sum() <= (int)scale["maximumInstanceCount"]!);
    }

    [Fact]
    public void The_maximum_instance_count_is_a_parameter_within_Flex_Consumption_s_range_that_reaches_the_site()
    {
        var parameter = new TemplateParameter("maximumInstanceCount");

        Assert.Equal(40, (int)parameter.Default!);
        Assert.Equal((40, 1000), (parameter.MinValue, parameter.MaxValue));
        Assert.Equal(40, (int)ScaleAndConcurrency()["maximumInstanceCount"]!);
        Assert.Equal(400, (int)ScaleAndConcurrency(new Dictionary<string, JsonNode?> { ["maximumInstanceCount"] = 400 })["maximumInstanceCount"]!);
    }
}
