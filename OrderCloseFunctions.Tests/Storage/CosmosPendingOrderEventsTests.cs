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

    private readonly SubstitutedOrderQuery _cosmos = new();

    [Fact]
    public async Task It_asks_for_orders_with_events_pending_since_before_the_cutoff_in_utc_oldest_first_a_page_at_a_time()
    {
        _cosmos.AnswerPage(["T1"], "next");

        var page = await new CosmosPendingOrderEvents(_cosmos.Container).FindAsync(Cutoff, 20, "from", CancellationToken.None);

        Assert.Equal(["T1"], page.OutTradeNos);
        Assert.Equal("next", page.Continuation);
        Assert.Equal(CosmosPendingOrderEvents.Query, _cosmos.Query!.QueryText);
        Assert.Contains("WHERE c.eventsPendingSince < @cutoff", _cosmos.Query.QueryText);
        Assert.Equal([("@cutoff", (object)"2026-11-28T12:30:00.0000000Z")], _cosmos.Query.GetQueryParameters().Select(p => (p.Name, p.Value)));
        Assert.Equal("from", _cosmos.Continuation);
        Assert.Equal(20, _cosmos.Options!.MaxItemCount);
    }
}
