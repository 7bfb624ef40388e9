using System.Net;
using Microsoft.Azure.Cosmos;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Storage;

/// <summary>
/// One page of a query that selects order numbers (<c>SELECT c.id ...</c>), with its failures sorted by <see cref="CosmosCall"/>.
/// A continuation the SDK or Cosmos DB cannot resume from (400) is the caller's <see cref="InvalidContinuationException"/>.
/// </summary>
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
        try
        {
            var page = await CosmosCall.RunAsync(operation, () => iterator.ReadNextAsync(cancellationToken), nullWhen: [], cancellationToken);
            return new OverduePage(page!.Select(order => order.Id).Take(max).ToList(), page!.ContinuationToken);
        }
        catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.BadRequest && continuation is not null)
        {
            throw new InvalidContinuationException($"Cosmos DB could not {operation} from the continuation given: {exception.Message}", exception);
        }
    }
}
