using System.Net;
using Microsoft.Azure.Cosmos;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Orders;
using OrderClose.Storage;

namespace OrderClose.Tests.Storage;

/// <summary>
/// The adapter's query of outstanding refunds on a substituted <see cref="Container"/>: cosmosdb-server cannot run
/// cross-partition queries (<see cref="CosmosDbServerGapTests"/>), so its text, parameters, paging and failures are proven
/// here, and the query itself only against Cosmos DB (its composite index: <see cref="Infra.CosmosIndexTests"/>).
/// </summary>
public sealed class CosmosOutstandingRefundsTests
{
    private readonly SubstitutedOrderQuery _cosmos = new();

    [Fact]
    public async Task It_asks_for_orders_whose_refund_is_pending_failed_or_manual_oldest_request_first_a_page_of_max_from_the_continuation()
    {
        _cosmos.AnswerPage(["T1", "T2"], "next");

        var page = await new CosmosOutstandingRefunds(_cosmos.Container).FindAsync(20, "from", CancellationToken.None);

        Assert.Equal(["T1", "T2"], page.OutTradeNos);
        Assert.Equal("next", page.Continuation);
        Assert.Equal(
            "SELECT c.id FROM c WHERE c.refund.status IN (@pending, @failed, @manual) ORDER BY c.refund.requestedAt, c.id",
            _cosmos.Query!.QueryText);
        Assert.Equal(
            [("@pending", (object)"PENDING"), ("@failed", "FAILED"), ("@manual", "MANUAL")],
            _cosmos.Query.GetQueryParameters().Select(p => (p.Name, p.Value)));
        Assert.Equal("from", _cosmos.Continuation);
        Assert.Equal(20, _cosmos.Options!.MaxItemCount);
    }

    [Fact]
    public async Task The_last_page_has_no_continuation()
    {
        _cosmos.AnswerPage(["T3"], null);

        var page = await new CosmosOutstandingRefunds(_cosmos.Container).FindAsync(20, null, CancellationToken.None);

        Assert.Equal(["T3"], page.OutTradeNos);
        Assert.Null(page.Continuation);
        Assert.Null(_cosmos.Continuation);
    }

    [Fact]
    public async Task A_continuation_Cosmos_DB_refuses_is_the_callers_invalid_continuation_not_a_failure()
    {
        _cosmos.Iterator.ReadNextAsync(Arg.Any<CancellationToken>())
            .ThrowsAsync(new CosmosException("Malformed Continuation Token", HttpStatusCode.BadRequest, 0, "a", 1));

        await Assert.ThrowsAsync<InvalidContinuationException>(
            () => new CosmosOutstandingRefunds(_cosmos.Container).FindAsync(20, "[{\"garbage\"", CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_continuation_a_400_stays_what_it_is_a_bug_in_the_query_or_the_index()
    {
        _cosmos.Iterator.ReadNextAsync(Arg.Any<CancellationToken>())
            .ThrowsAsync(new CosmosException("no composite index", HttpStatusCode.BadRequest, 0, "a", 1));

        var failure = await Assert.ThrowsAsync<CosmosException>(
            () => new CosmosOutstandingRefunds(_cosmos.Container).FindAsync(20, null, CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
    }
}
