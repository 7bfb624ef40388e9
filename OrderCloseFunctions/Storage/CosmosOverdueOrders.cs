using Microsoft.Azure.Cosmos;
using OrderClose.Contracts;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Storage;

/// <summary>
/// The overdue NEW orders by a parameterized query on <c>state</c> and <c>payDeadline</c>, served by the composite
/// index that infra/modules/cosmos.bicep declares (<see cref="IndexedPaths"/>). The partition key is <c>/id</c>, so
/// the query fans out over all partitions; Cosmos DB pages it with continuation tokens.
/// </summary>
public sealed class CosmosOverdueOrders(Container container) : IOverdueOrders
{
    public const string Query = "SELECT c.id FROM c WHERE c.state = @state AND c.payDeadline < @cutoff";

    /// <summary>The composite index the query needs, in order.</summary>
    public static readonly string[] IndexedPaths = ["/state", "/payDeadline"];

    public Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken) =>
        CosmosOrderQuery.PageAsync(container, "query the overdue orders",
            new QueryDefinition(Query)
                .WithParameter("@state", OrderStateNames.Name(OrderState.New))
                .WithParameter("@cutoff", UtcTimestampConverter.Format(cutoff)),
            max, continuation, cancellationToken);
}

/// <summary>All the order queries read of an order: its number.</summary>
public sealed record OverdueOrderId(string Id);
