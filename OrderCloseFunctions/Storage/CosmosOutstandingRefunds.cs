using Microsoft.Azure.Cosmos;
using OrderClose.Contracts;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Storage;

/// <summary>
/// The orders whose refund is PENDING, FAILED or MANUAL, the oldest request first, by a parameterized query on
/// <c>refund.status</c> ordered on (<c>refund.requestedAt</c>, <c>id</c>): a multi-property ORDER BY, served by the
/// composite index that infra/modules/cosmos.bicep declares (<see cref="IndexedPaths"/>), and the same order as the
/// runner's keyset. Orders without a refund have no <c>refund.status</c>, so the filter never matches them. Cosmos DB
/// pages it with continuation tokens.
/// </summary>
public sealed class CosmosOutstandingRefunds(Container container) : IOutstandingRefunds
{
    public const string Query =
        "SELECT c.id FROM c WHERE c.refund.status IN (@pending, @failed, @manual) ORDER BY c.refund.requestedAt, c.id";

    /// <summary>The composite index the query's ORDER BY needs, in order.</summary>
    public static readonly string[] IndexedPaths = ["/refund/requestedAt", "/id"];

    public Task<OverduePage> FindAsync(int max, string? continuation, CancellationToken cancellationToken) =>
        CosmosOrderQuery.PageAsync(container, "query the outstanding refunds",
            new QueryDefinition(Query)
                .WithParameter("@pending", RefundStatusNames.Name(RefundStatus.Pending))
                .WithParameter("@failed", RefundStatusNames.Name(RefundStatus.Failed))
                .WithParameter("@manual", RefundStatusNames.Name(RefundStatus.Manual)),
            max, continuation, cancellationToken);
}
