using Microsoft.Azure.Cosmos;
using NSubstitute;
using OrderClose.Storage;

namespace OrderClose.Tests.Storage;

/// <summary>
/// A substituted <see cref="Container"/> for the order queries, which cosmosdb-server cannot run: it records the query,
/// continuation and options it is asked with, and answers the pages a test scripts.
/// </summary>
internal sealed class SubstitutedOrderQuery
{
    public SubstitutedOrderQuery()
    {
        Container.GetItemQueryIterator<OverdueOrderId>(
                Arg.Do<QueryDefinition>(q => Query = q), Arg.Do<string?>(c => Continuation = c), Arg.Do<QueryRequestOptions>(o => Options = o))
            .Returns(Iterator);
        Iterator.HasMoreResults.Returns(true);
    }

    public Container Container { get; } = Substitute.For<Container>();
    public FeedIterator<OverdueOrderId> Iterator { get; } = Substitute.For<FeedIterator<OverdueOrderId>>();
    public QueryDefinition? Query { get; private set; }
    public string? Continuation { get; private set; }
    public QueryRequestOptions? Options { get; private set; }

    /// <summary>The next page read answers <paramref name="ids"/> and <paramref name="continuation"/>.</summary>
    public void AnswerPage(string[] ids, string? continuation)
    {
        var response = Substitute.For<FeedResponse<OverdueOrderId>>();
        response.GetEnumerator().Returns(_ => ids.Select(id => new OverdueOrderId(id)).GetEnumerator());
        response.ContinuationToken.Returns(continuation);
        Iterator.ReadNextAsync(Arg.Any<CancellationToken>()).Returns(response);
    }
}
