using System.Net;
using Microsoft.Azure.Cosmos;
using OrderClose.Contracts;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Storage;

/// <summary>
/// Orders in a Cosmos DB container partitioned by <c>/id</c>, one document per order, read and written by point
/// operations. A replace is conditional on the ETag read (<c>If-Match</c>), so each move of an order happens once.
/// </summary>
public sealed class CosmosOrderStore(Container container) : IOrderStore
{
    public async Task<StoredOrder?> FindAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        var response = await CosmosCall.RunAsync(
            $"read order {outTradeNo}",
            () => container.ReadItemAsync<OrderDocument>(outTradeNo, new PartitionKey(outTradeNo), cancellationToken: cancellationToken),
            nullWhen: [HttpStatusCode.NotFound],
            cancellationToken);
        return response is null ? null : new StoredOrder(response.Resource.ToOrder(), response.ETag);
    }

    public async Task<StoredOrder?> TryCreateAsync(Order order, CancellationToken cancellationToken)
    {
        var response = await CosmosCall.RunAsync(
            $"create order {order.OutTradeNo}",
            () => container.CreateItemAsync(OrderDocument.From(order), new PartitionKey(order.OutTradeNo), WriteOptions(), cancellationToken),
            nullWhen: [HttpStatusCode.Conflict],
            cancellationToken);
        return response is null ? null : new StoredOrder(order, response.ETag);
    }

    public async Task<StoredOrder?> TryReplaceAsync(StoredOrder current, Order next, CancellationToken cancellationToken)
    {
        var outTradeNo = current.Order.OutTradeNo;
        if (next.OutTradeNo != outTradeNo)
        {
            throw new ArgumentException($"Cannot replace order {outTradeNo} with order {next.OutTradeNo}.", nameof(next));
        }

        var response = await CosmosCall.RunAsync(
            $"replace order {outTradeNo}",
            () => container.ReplaceItemAsync(OrderDocument.From(next), outTradeNo, new PartitionKey(outTradeNo), WriteOptions(ifMatch: current.ETag), cancellationToken),
            // 412: somebody changed it since it was read; 404: it is gone.
            nullWhen: [HttpStatusCode.PreconditionFailed, HttpStatusCode.NotFound],
            cancellationToken);
        return response is null ? null : new StoredOrder(next, response.ETag);
    }

    /// <summary>Writes need only the new ETag back: the stored order is the one just written.</summary>
    private static ItemRequestOptions WriteOptions(string? ifMatch = null) =>
        new() { IfMatchEtag = ifMatch, EnableContentResponseOnWrite = false };
}
