using Microsoft.Azure.Cosmos;
using OrderClose.Contracts;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Storage;

/// <summary>
/// The orders whose refund is still PENDING since before a cutoff, by a parameterized query on <c>refund.status</c> and
/// <c>refund.requestedAt</c>, served by the container's range indexes (no ORDER BY, so no composite index is needed).
/// Orders without a refund have neither field, so the query never matches them. Cosmos DB pages it with continuation tokens.
/// </summary>
public sealed class CosmosStalledRefunds(Container container) : IStalledRefunds
{
    public const string Query = "SELECT c.id FROM c WHERE c.refund.status = @status AND c.refund.requestedAt < @cutoff";

    public Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken) =>
        CosmosOrderQuery.PageAsync(container, "query the stalled refunds",
            new QueryDefinition(Query)
                .WithParameter("@status", RefundStatusNames.Name(RefundStatus.Pending))
                .WithParameter("@cutoff", UtcTimestampConverter.Format(cutoff)),
            max, continuation, cancellationToken);
}
