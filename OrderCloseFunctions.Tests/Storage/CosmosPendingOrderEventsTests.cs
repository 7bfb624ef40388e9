using Microsoft.Azure.Cosmos;
using NSubstitute;
using OrderClose.Storage;

namespace OrderClose.Tests.Storage;

/// <summary>
/// The adapter's query of orders with unpublished events on a substituted <see cref="Container"/>: cosmosdb-server cannot
/// run cross-partition queries (<see cref="CosmosDbServerGapTests"/>), so this is where it is proven.
/// </summary>
public sealed class CosmosPendingOrderEventsTests
{
    private static readonly DateTimeOffset Cutoff = new(2026, 11, 28, 20, 30, 0, TimeSpan.FromHours(8));

    private readonly Container _container = Substitute.For<Container>();
    private readonly FeedIterator<OverdueOrderId> _iterator = Substitute.For<FeedIterator<OverdueOrderId>>();
    private QueryDefinition? _query;
    private string? _continuation;
    private QueryRequestOptions? _options;

    public CosmosPendingOrderEventsTests()
    {
        _container.GetItemQueryIterator<OverdueOrderId>(
                Arg.Do<QueryDefinition>(q => _query = q), Arg.Do<string?>(c => _continuation = c), Arg.Do<QueryRequestOptions>(o => _options = o))
            .Returns(_iterator);
        _iterator.HasMoreResults.Returns(true);
    }

    [Fact]
    public async Task It_asks_for_orders_with_events_pending_since_before_the_cutoff_in_utc_oldest_first_a_page_at_a_time()
    {
        var response = Substitute.For<FeedResponse<OverdueOrderId>>();
        response.GetEnumerator().Returns(_ => new[] { new OverdueOrderId("T1") }.AsEnumerable().GetEnumerator());
        response.ContinuationToken.Returns("next");
        _iterator.ReadNextAsync(Arg.Any<CancellationToken>()).Returns(response);

        var page = await new CosmosPendingOrderEvents(_container).FindAsync(Cutoff, 20, "from", CancellationToken.None);

        Assert.Equal(["T1"], page.OutTradeNos);
        Assert.Equal("next", page.Continuation);
        Assert.Equal(CosmosPendingOrderEvents.Query, _query!.QueryText);
        Assert.Contains("WHERE c.eventsPendingSince < @cutoff", _query.QueryText);
        Assert.Equal([("@cutoff", (object)"2026-11-28T12:30:00.0000000Z")], _query.GetQueryParameters().Select(p => (p.Name, p.Value)));
        Assert.Equal("from", _continuation);
        Assert.Equal(20, _options!.MaxItemCount);
    }
}
