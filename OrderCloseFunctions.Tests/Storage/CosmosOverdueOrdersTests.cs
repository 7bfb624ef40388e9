using System.Net;
using Microsoft.Azure.Cosmos;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Orders;
using OrderClose.Storage;

namespace OrderClose.Tests.Storage;

/// <summary>
/// The adapter's query, paging and mapping on a substituted <see cref="Container"/>: cosmosdb-server cannot run
/// cross-partition queries (<see cref="CosmosDbServerGapTests"/>), so this is where they are proven.
/// </summary>
public sealed class CosmosOverdueOrdersTests
{
    private static readonly DateTimeOffset Cutoff = new(2026, 11, 28, 20, 30, 0, TimeSpan.FromHours(8));

    private readonly SubstitutedOrderQuery _cosmos = new();

    [Fact]
    public async Task It_asks_for_new_orders_due_before_the_cutoff_in_utc_a_page_of_max_from_the_continuation()
    {
        _cosmos.AnswerPage(["T1", "T2"], "next");

        var page = await new CosmosOverdueOrders(_cosmos.Container).FindAsync(Cutoff, 50, "from", CancellationToken.None);

        Assert.Equal(["T1", "T2"], page.OutTradeNos);
        Assert.Equal("next", page.Continuation);
        Assert.Equal(CosmosOverdueOrders.Query, _cosmos.Query!.QueryText);
        Assert.Equal(
            [("@state", (object)"NEW"), ("@cutoff", "2026-11-28T12:30:00.0000000Z")],
            _cosmos.Query.GetQueryParameters().Select(p => (p.Name, p.Value)));
        Assert.Equal("from", _cosmos.Continuation);
        Assert.Equal(50, _cosmos.Options!.MaxItemCount);
    }

    [Fact]
    public async Task The_last_page_has_no_continuation()
    {
        _cosmos.AnswerPage(["T3"], null);

        var page = await new CosmosOverdueOrders(_cosmos.Container).FindAsync(Cutoff, 50, null, CancellationToken.None);

        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task An_iterator_without_results_is_an_empty_last_page()
    {
        _cosmos.Iterator.HasMoreResults.Returns(false);

        var page = await new CosmosOverdueOrders(_cosmos.Container).FindAsync(Cutoff, 50, null, CancellationToken.None);

        Assert.Empty(page.OutTradeNos);
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task Throttling_is_a_failure_that_may_pass()
    {
        _cosmos.Iterator.ReadNextAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new CosmosException("busy", HttpStatusCode.TooManyRequests, 0, "a", 1));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => new CosmosOverdueOrders(_cosmos.Container).FindAsync(Cutoff, 50, null, CancellationToken.None));
    }
}
