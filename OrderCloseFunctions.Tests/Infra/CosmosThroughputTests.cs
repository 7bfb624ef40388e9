using System.Text.Json.Nodes;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>The Cosmos DB throughput knob: serverless by default (as before), autoscale with a maximum on the orders container when asked.</summary>
public sealed class CosmosThroughputTests
{
    private static TemplateScope Cosmos(IReadOnlyDictionary<string, JsonNode?>? overrides = null) =>
        CompiledTemplate.Evaluate(overrides).Deployment("cosmos");

    private static JsonNode Account(IReadOnlyDictionary<string, JsonNode?>? overrides = null) =>
        Cosmos(overrides).Resources("Microsoft.DocumentDB/databaseAccounts").Single()["properties"]!;

    private static JsonNode Container(IReadOnlyDictionary<string, JsonNode?>? overrides = null) =>
        Cosmos(overrides).Resources("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers").Single()["properties"]!;

    [Fact]
    public void The_parameters_allow_serverless_or_autoscale_and_an_autoscale_maximum_Cosmos_DB_accepts()
    {
        var maximum = new TemplateParameter("cosmosAutoscaleMaxThroughput");

        Assert.Equal(["serverless", "autoscale"], new TemplateParameter("cosmosThroughputMode").AllowedValues);
        Assert.Equal((1000, 1_000_000), (maximum.MinValue, maximum.MaxValue));
        Assert.Equal(0, (int)maximum.Default! % 1000);
    }

    [Fact]
    public void By_default_the_account_is_serverless_and_the_container_provisions_nothing()
    {
        Assert.Equal("serverless", Text(new TemplateParameter("cosmosThroughputMode").Default));
        Assert.Equal(["EnableServerless"], Account()["capabilities"]!.AsArray().Select(c => Text(c!["name"])));
        Assert.Empty(Container()["options"]!.AsObject());
    }

    [Fact]
    public void Autoscale_provisions_the_container_with_its_maximum_on_an_account_without_the_serverless_capability()
    {
        var overrides = new Dictionary<string, JsonNode?> { ["cosmosThroughputMode"] = "autoscale", ["cosmosAutoscaleMaxThroughput"] = 40_000 };

        Assert.Empty(Account(overrides)["capabilities"]!.AsArray());
        Assert.Equal(40_000, (int)Container(overrides)["options"]!["autoscaleSettings"]!["maxThroughput"]!);
    }
}
