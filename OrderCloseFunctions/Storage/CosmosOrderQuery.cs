using Microsoft.Azure.Cosmos;
using OrderClose.Orders.Ports;

namespace OrderClose.Storage;

/// <summary>One page of a query that selects order numbers (<c>SELECT c.id ...</c>), with its failures sorted by <see cref="CosmosCall"/>.</summary>
internal static class CosmosOrderQuery
{
    public static async Task<OverduePage> PageAsync(
        Container container, string operation, QueryDefinition query, int max, string? continuation, CancellationToken cancellationToken)
    {
        using var iterator = container.GetItemQueryIterator<OverdueOrderId>(query, continuation, new QueryRequestOptions { MaxItemCount = max });
        if (!iterator.HasMoreResults)
        {
            return new OverduePage([], null);
        }
        var page = await CosmosCall.RunAsync(operation, () => iterator.ReadNextAsync(cancellationToken), nullWhen: [], cancellationToken);
        return new OverduePage(page!.Select(order => order.Id).Take(max).ToList(), page!.ContinuationToken);
    }
}
