using OrderClose.Storage;

namespace OrderClose.Tests.Storage;

/// <summary>The adapter's query of stalled refunds on a substituted container (cosmosdb-server cannot run cross-partition queries).</summary>
public sealed class CosmosStalledRefundsTests
{
    private static readonly DateTimeOffset Cutoff = new(2026, 11, 28, 20, 30, 0, TimeSpan.FromHours(8));

    private readonly SubstitutedOrderQuery _cosmos = new();

    [Fact]
    public async Task It_asks_for_orders_whose_refund_is_PENDING_since_before_the_cutoff_in_utc_a_page_at_a_time()
    {
        _cosmos.AnswerPage(["T1"], "next");

        var page = await new CosmosStalledRefunds(_cosmos.Container).FindAsync(Cutoff, 20, "from", CancellationToken.None);

        Assert.Equal(["T1"], page.OutTradeNos);
        Assert.Equal("next", page.Continuation);
        Assert.Equal("SELECT c.id FROM c WHERE c.refund.status = @status AND c.refund.requestedAt < @cutoff", _cosmos.Query!.QueryText);
        Assert.Equal([("@status", (object)"PENDING"), ("@cutoff", "2026-11-28T12:30:00.0000000Z")],
            _cosmos.Query.GetQueryParameters().Select(p => (p.Name, p.Value)));
        Assert.Equal("from", _cosmos.Continuation);
        Assert.Equal(20, _cosmos.Options!.MaxItemCount);
    }
}
