using OrderClose.Storage;

namespace OrderClose.Tests.Infra;

public sealed class CosmosIndexTests
{
    [Fact]
    public void The_orders_container_has_the_composite_index_the_overdue_query_needs()
    {
        var container = CompiledTemplate.Evaluate().Deployment("cosmos")
            .Resources("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers").Single();
        var policy = container["properties"]!["resource"]!["indexingPolicy"]!;

        var composite = Assert.Single(policy["compositeIndexes"]!.AsArray())!.AsArray();
        Assert.Equal(CosmosOverdueOrders.IndexedPaths, composite.Select(path => (string)path!["path"]!));
        Assert.All(composite, path => Assert.Equal("ascending", (string)path!["order"]!));
        Assert.Equal("consistent", (string)policy["indexingMode"]!);
    }
}
