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

    private readonly Container _container = Substitute.For<Container>();
    private readonly FeedIterator<OverdueOrderId> _iterator = Substitute.For<FeedIterator<OverdueOrderId>>();
    private QueryDefinition? _query;
    private string? _continuation;
    private QueryRequestOptions? _options;

    public CosmosOverdueOrdersTests()
    {
        _container.GetItemQueryIterator<OverdueOrderId>(
                Arg.Do<QueryDefinition>(q => _query = q), Arg.Do<string?>(c => _continuation = c), Arg.Do<QueryRequestOptions>(o => _options = o))
            .Returns(_iterator);
        _iterator.HasMoreResults.Returns(true);
    }

    [Fact]
    public async Task It_asks_for_new_orders_due_before_the_cutoff_in_utc_a_page_of_max_from_the_continuation()
    {
        Page(["T1", "T2"], "next");

        var page = await new CosmosOverdueOrders(_container).FindAsync(Cutoff, 50, "from", CancellationToken.None);

        Assert.Equal(["T1", "T2"], page.OutTradeNos);
        Assert.Equal("next", page.Continuation);
        Assert.Equal(CosmosOverdueOrders.Query, _query!.QueryText);
        Assert.Equal(
            [("@state", (object)"NEW"), ("@cutoff", "2026-11-28T12:30:00.0000000Z")],
            _query.GetQueryParameters().Select(p => (p.Name, p.Value)));
        Assert.Equal("from", _continuation);
        Assert.Equal(50, _options!.MaxItemCount);
    }

    [Fact]
    public async Task The_last_page_has_no_continuation()
    {
        Page(["T3"], null);

        var page = await new CosmosOverdueOrders(_container).FindAsync(Cutoff, 50, null, CancellationToken.None);

        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task An_iterator_without_results_is_an_empty_last_page()
    {
        _iterator.HasMoreResults.Returns(false);

        var page = await new CosmosOverdueOrders(_container).FindAsync(Cutoff, 50, null, CancellationToken.None);

        Assert.Empty(page.OutTradeNos);
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task Throttling_is_a_failure_that_may_pass()
    {
        _iterator.ReadNextAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new CosmosException("busy", HttpStatusCode.TooManyRequests, 0, "a", 1));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => new CosmosOverdueOrders(_container).FindAsync(Cutoff, 50, null, CancellationToken.None));
    }

    private void Page(string[] ids, string? continuation)
    {
        var response = Substitute.For<FeedResponse<OverdueOrderId>>();
        response.GetEnumerator().Returns(_ => ids.Select(id => new OverdueOrderId(id)).GetEnumerator());
        response.ContinuationToken.Returns(continuation);
        _iterator.ReadNextAsync(Arg.Any<CancellationToken>()).Returns(response);
    }
}
