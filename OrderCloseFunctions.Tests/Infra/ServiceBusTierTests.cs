using System.Text.Json.Nodes;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>The Service Bus tier knobs: Standard by default (as before), Premium with messaging units and partitions when asked.</summary>
public sealed class ServiceBusTierTests
{
    private static readonly Dictionary<string, JsonNode?> LargeShop = new()
    {
        ["serviceBusSku"] = "Premium",
        ["serviceBusMessagingUnits"] = 4,
        ["serviceBusPartitions"] = 2,
    };

    private static TemplateScope ServiceBus(IReadOnlyDictionary<string, JsonNode?>? overrides = null) =>
        CompiledTemplate.Evaluate(overrides).Deployment("service-bus");

    private static JsonObject Namespace(IReadOnlyDictionary<string, JsonNode?>? overrides = null) =>
        ServiceBus(overrides).Resources("Microsoft.ServiceBus/namespaces").Single();

    private static IEnumerable<JsonNode> Entities(IReadOnlyDictionary<string, JsonNode?>? overrides = null) =>
        ServiceBus(overrides).Resources("Microsoft.ServiceBus/namespaces/queues")
            .Concat(ServiceBus(overrides).Resources("Microsoft.ServiceBus/namespaces/topics"));

    [Fact]
    public void The_parameters_allow_only_the_tiers_messaging_units_and_partitions_Service_Bus_offers()
    {
        Assert.Equal(["Standard", "Premium"], new TemplateParameter("serviceBusSku").AllowedValues);
        Assert.Equal(["1", "2", "4", "8", "16"], new TemplateParameter("serviceBusMessagingUnits").AllowedValues);
        Assert.Equal(["1", "2", "4"], new TemplateParameter("serviceBusPartitions").AllowedValues);
    }

    [Fact]
    public void By_default_the_namespace_is_Standard_unpartitioned_with_no_capacity()
    {
        var ns = Namespace();

        Assert.Equal("Standard", Text(new TemplateParameter("serviceBusSku").Default));
        Assert.Equal("""{"name":"Standard","tier":"Standard"}""", ns["sku"]!.ToJsonString());
        Assert.Null(ns["properties"]!["premiumMessagingPartitions"]);
        Assert.True((bool)ns["properties"]!["disableLocalAuth"]!);
        Assert.All(Entities(), entity => Assert.False((bool)entity["properties"]!["enablePartitioning"]!));
    }

    [Fact]
    public void Premium_takes_its_messaging_units_and_partitions_and_partitions_every_entity()
    {
        var ns = Namespace(LargeShop);

        Assert.Equal("""{"name":"Premium","tier":"Premium","capacity":4}""", ns["sku"]!.ToJsonString());
        Assert.Equal(2, (int)ns["properties"]!["premiumMessagingPartitions"]!);
        Assert.True((bool)ns["properties"]!["disableLocalAuth"]!);
        Assert.All(Entities(LargeShop), entity => Assert.True((bool)entity["properties"]!["enablePartitioning"]!));
    }

    [Fact]
    public void Premium_with_one_partition_leaves_the_entities_unpartitioned()
    {
        var overrides = new Dictionary<string, JsonNode?>(LargeShop) { ["serviceBusPartitions"] = 1 };

        Assert.Equal(1, (int)Namespace(overrides)["properties"]!["premiumMessagingPartitions"]!);
        Assert.All(Entities(overrides), entity => Assert.False((bool)entity["properties"]!["enablePartitioning"]!));
    }
}
