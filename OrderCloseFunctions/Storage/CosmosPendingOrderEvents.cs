using Microsoft.Azure.Cosmos;
using OrderClose.Contracts;
using OrderClose.Orders.Ports;

namespace OrderClose.Storage;

/// <summary>
/// The orders with events still unpublished, oldest first, by a parameterized query on <c>eventsPendingSince</c> (written
/// only while an event waits), served by the composite index that infra/modules/cosmos.bicep declares
/// (<see cref="IndexedPaths"/>): a multi-property ORDER BY needs one. Cosmos DB pages it with continuation tokens.
/// </summary>
public sealed class CosmosPendingOrderEvents(Container container) : IPendingOrderEvents
{
    public const string Query = "SELECT c.id FROM c WHERE c.eventsPendingSince < @cutoff ORDER BY c.eventsPendingSince, c.id";

    /// <summary>The composite index the query's ORDER BY needs, in order.</summary>
    public static readonly string[] IndexedPaths = ["/eventsPendingSince", "/id"];

    public Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken) =>
        CosmosOrderQuery.PageAsync(container, "query the orders with unpublished events",
            new QueryDefinition(Query).WithParameter("@cutoff", UtcTimestampConverter.Format(cutoff)), max, continuation, cancellationToken);
}
