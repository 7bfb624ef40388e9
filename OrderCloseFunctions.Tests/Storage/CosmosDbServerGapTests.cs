using System.Net;
using Microsoft.Azure.Cosmos;
using OrderClose.Orders;

namespace OrderClose.Tests.Storage;

/// <summary>
/// Where cosmosdb-server answers otherwise than Cosmos DB, pinned so that a fixed server version shows up here.
/// Cosmos DB answers a point read of a missing id with 404; cosmosdb-server 1.0.1 answers 500, because its
/// read-document handler reads a property of the missing document ("Cannot read properties of undefined").
/// The SDK sends what Cosmos DB expects, so there is nothing to change on our side; the 404 mapping is
/// covered by <see cref="CosmosOrderStoreFailureTests"/>.
/// The order queries (cross-partition: the partition key is <c>/id</c>) cannot run here at all. One without ORDER BY (the
/// stalled refunds) fails in the SDK: it asks the gateway for a query plan, cosmosdb-server's answer has no query ranges,
/// and the SDK fails before sending the query. Those with a multi-property ORDER BY (overdue orders, pending events,
/// outstanding refunds) are refused with 400, "does not have a corresponding composite index" (the container made here has
/// the default indexing policy, as cosmosdb-server creates it). So the queries' text, paging and mapping are proven on a substituted container
/// (<see cref="CosmosOverdueOrdersTests"/>, <see cref="CosmosPendingOrderEventsTests"/>, <see cref="CosmosStalledRefundsTests"/>,
/// <see cref="CosmosOutstandingRefundsTests"/>), their composite indexes against the template (<see cref="Infra.CosmosIndexTests"/>),
/// and the queries themselves only against Cosmos DB.
/// </summary>
[Collection(CosmosDbServerCollection.Name)]
public sealed class CosmosDbServerGapTests(CosmosDbServerFixture server)
{
    [Fact]
    public async Task Reading_a_missing_id_answers_500_where_Cosmos_DB_answers_404()
    {
        var missing = $"T{Guid.NewGuid():N}";

        using var response = await server.Container.ReadItemStreamAsync(missing, new PartitionKey(missing));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Cannot read properties of undefined", response.ErrorMessage);
    }

    [Fact]
    public async Task So_finding_a_missing_order_here_fails_as_unavailable_rather_than_hiding_a_500_as_not_found()
    {
        var missing = $"T{Guid.NewGuid():N}";

        var failure = await Assert.ThrowsAsync<DependencyUnavailableException>(() => server.Store.FindAsync(missing, CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, Assert.IsType<CosmosException>(failure.InnerException).StatusCode);
    }

    [Fact]
    public async Task A_cross_partition_query_without_ORDER_BY_fails_in_the_sdk_on_the_server_s_query_plan()
    {
        await server.Store.TryCreateAsync(StorageTestOrders.New(), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<ArgumentNullException>(
            () => server.StalledRefunds.FindAsync(DateTimeOffset.UtcNow, 10, null, CancellationToken.None));

        Assert.Equal("providedRanges", failure.ParamName);
    }

    [Fact]
    public async Task The_cross_partition_overdue_query_with_its_ORDER_BY_is_refused_by_the_server_with_400()
    {
        await server.Store.TryCreateAsync(StorageTestOrders.New(), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<CosmosException>(
            () => server.OverdueOrders.FindAsync(DateTimeOffset.UtcNow.AddDays(1), 10, null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.Contains("composite index", failure.Message);
    }

    [Fact]
    public async Task The_cross_partition_query_of_pending_events_with_its_ORDER_BY_is_refused_by_the_server_with_400()
    {
        await server.Store.TryCreateAsync(StorageTestOrders.New().MarkPaid(DateTimeOffset.UtcNow), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<CosmosException>(
            () => server.PendingOrderEvents.FindAsync(DateTimeOffset.UtcNow.AddDays(1), 10, null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
    }

    [Fact]
    public async Task The_cross_partition_query_of_outstanding_refunds_with_its_ORDER_BY_is_refused_by_the_server_with_400()
    {
        var cancelled = StorageTestOrders.New().Cancel(DateTimeOffset.UtcNow, "PAYMENT_TIMEOUT");
        await server.Store.TryCreateAsync(cancelled.RecordLatePayment(DateTimeOffset.UtcNow, LatePaymentPolicy.Manual), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<CosmosException>(
            () => server.OutstandingRefunds.FindAsync(10, null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.Contains("composite index", failure.Message);
    }
}
