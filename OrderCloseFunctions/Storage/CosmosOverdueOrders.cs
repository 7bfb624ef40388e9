using Microsoft.Azure.Cosmos;
using OrderClose.Contracts;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Storage;

/// <summary>
/// The overdue NEW orders, the earliest deadline first, by a parameterized query that filters and orders on <c>state</c>
/// and <c>payDeadline</c>, served by the composite index that infra/modules/cosmos.bicep declares (<see cref="IndexedPaths"/>):
/// the filtered fields lead the ORDER BY, as a composite index needs (state is fixed by the filter, so the order is the
/// deadline's). The partition key is <c>/id</c>, so the query fans out over all partitions; Cosmos DB pages it with
/// continuation tokens.
/// </summary>
public sealed class CosmosOverdueOrders(Container container) : IOverdueOrders
{
    public const string Query = "SELECT c.id FROM c WHERE c.state = @state AND c.payDeadline < @cutoff ORDER BY c.state, c.payDeadline";

    /// <summary>The composite index the query's filter and ORDER BY need, in order.</summary>
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
