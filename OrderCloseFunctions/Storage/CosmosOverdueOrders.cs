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

    public async Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition(Query)
            .WithParameter("@state", OrderStateNames.Name(OrderState.New))
            .WithParameter("@cutoff", UtcTimestampConverter.Format(cutoff));
        using var iterator = container.GetItemQueryIterator<OverdueOrderId>(query, continuation, new QueryRequestOptions { MaxItemCount = max });
        if (!iterator.HasMoreResults)
        {
            return new OverduePage([], null);
        }
        var page = await CosmosCall.RunAsync("query the overdue orders", () => iterator.ReadNextAsync(cancellationToken), nullWhen: [], cancellationToken);
        return new OverduePage(page!.Select(order => order.Id).Take(max).ToList(), page!.ContinuationToken);
    }
}

/// <summary>All the overdue query reads of an order.</summary>
public sealed record OverdueOrderId(string Id);
