using System.Text.RegularExpressions;
using OrderClose.Storage;

namespace OrderClose.Tests.Infra;

/// <summary>
/// The composite indexes of the orders container against the queries that need them, read from the query texts, so that
/// neither can change without the other: a multi-property ORDER BY without its composite index is refused by Cosmos DB
/// (400), and cosmosdb-server cannot run these queries to show it (<see cref="Storage.CosmosDbServerGapTests"/>).
/// </summary>
public sealed partial class CosmosIndexTests
{
    public static TheoryData<string, string[]> IndexedQueries => new()
    {
        { CosmosOverdueOrders.Query, CosmosOverdueOrders.IndexedPaths },
        { CosmosPendingOrderEvents.Query, CosmosPendingOrderEvents.IndexedPaths },
        { CosmosOutstandingRefunds.Query, CosmosOutstandingRefunds.IndexedPaths },
    };

    [Fact]
    public void The_orders_container_has_exactly_the_composite_indexes_the_queries_need()
    {
        var container = CompiledTemplate.Evaluate().Deployment("cosmos")
            .Resources("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers").Single();
        var policy = container["properties"]!["resource"]!["indexingPolicy"]!;

        var composites = policy["compositeIndexes"]!.AsArray().Select(index => string.Join(",", index!.AsArray().Select(path => (string)path!["path"]!)));
        Assert.Equal(IndexedQueries.Select(row => string.Join(",", (string[])row[1])).Order(), composites.Order());
        Assert.All(policy["compositeIndexes"]!.AsArray().SelectMany(index => index!.AsArray()), path => Assert.Equal("ascending", (string)path!["order"]!));
        Assert.Equal("consistent", (string)policy["indexingMode"]!);
    }

    [Theory]
    [MemberData(nameof(IndexedQueries))]
    public void Each_query_orders_by_exactly_its_indexed_paths(string query, string[] indexedPaths)
    {
        Assert.Equal(indexedPaths, OrderByPaths(query));
    }

    [Theory]
    [MemberData(nameof(IndexedQueries))]
    public void The_indexed_fields_a_query_filters_on_lead_its_index(string query, string[] indexedPaths)
    {
        var filtered = FilterPaths(query).Where(indexedPaths.Contains).ToList();

        Assert.Equal(indexedPaths.Take(filtered.Count), filtered);
    }

    [Fact]
    public void The_overdue_query_filters_on_the_fields_it_orders_by_equality_first_and_the_range_last()
    {
        Assert.Equal(CosmosOverdueOrders.IndexedPaths, FilterPaths(CosmosOverdueOrders.Query));
        Assert.Equal(["=", "<"], Filters(CosmosOverdueOrders.Query).Select(filter => filter.Groups["op"].Value));
    }

    [Fact]
    public void The_outstanding_refunds_query_filters_on_the_refund_status_and_orders_by_the_request_time()
    {
        Assert.Equal(["/refund/status"], FilterPaths(CosmosOutstandingRefunds.Query));
        Assert.Equal("/refund/requestedAt", OrderByPaths(CosmosOutstandingRefunds.Query)[0]);
    }

    private static string[] OrderByPaths(string query) =>
    [
        .. query[(query.IndexOf("ORDER BY", StringComparison.Ordinal) + "ORDER BY".Length)..].Split(',').Select(field => Path(field.Trim())),
    ];

    private static string[] FilterPaths(string query) => [.. Filters(query).Select(filter => Path(filter.Groups["field"].Value))];

    private static IEnumerable<Match> Filters(string query)
    {
        var where = query.IndexOf(" WHERE ", StringComparison.Ordinal);
        var orderBy = query.IndexOf(" ORDER BY ", StringComparison.Ordinal);
        return Filter().Matches(query[where..(orderBy < 0 ? query.Length : orderBy)]);
    }

    /// <summary><c>c.refund.requestedAt</c> as an index path, <c>/refund/requestedAt</c>.</summary>
    private static string Path(string field) => "/" + field["c.".Length..].Replace('.', '/');

    [GeneratedRegex(@"(?<field>c\.[\w.]+)\s*(?<op><=|>=|<|>|=|IN)\s")]
    private static partial Regex Filter();
}
