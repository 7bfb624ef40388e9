using OrderClose.Storage;

namespace OrderClose.Tests.Infra;

public sealed class CosmosIndexTests
{
    [Fact]
    public void The_orders_container_has_the_composite_indexes_the_sweep_s_queries_need()
    {
        var container = CompiledTemplate.Evaluate().Deployment("cosmos")
            .Resources("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers").Single();
        var policy = container["properties"]!["resource"]!["indexingPolicy"]!;

        var composites = policy["compositeIndexes"]!.AsArray().Select(index => index!.AsArray()).ToList();
        Assert.Equal(2, composites.Count);
        Assert.Equal(CosmosOverdueOrders.IndexedPaths, composites[0].Select(path => (string)path!["path"]!));
        Assert.Equal(CosmosPendingOrderEvents.IndexedPaths, composites[1].Select(path => (string)path!["path"]!));
        Assert.All(composites.SelectMany(index => index), path => Assert.Equal("ascending", (string)path!["order"]!));
        Assert.Equal("consistent", (string)policy["indexingMode"]!);
    }

    [Fact]
    public void The_pending_events_query_orders_by_exactly_the_indexed_paths()
    {
        var orderBy = CosmosPendingOrderEvents.Query[(CosmosPendingOrderEvents.Query.IndexOf("ORDER BY", StringComparison.Ordinal) + "ORDER BY".Length)..];

        Assert.Equal(CosmosPendingOrderEvents.IndexedPaths, orderBy.Split(',').Select(path => "/" + path.Trim()["c.".Length..]));
    }
}
