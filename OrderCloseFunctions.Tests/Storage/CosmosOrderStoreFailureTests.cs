using System.Net;
using Microsoft.Azure.Cosmos;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Contracts;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Storage;

namespace OrderClose.Tests.Storage;

/// <summary>How the store sorts Cosmos DB failures, with a substituted container: answers cosmosdb-server cannot give.</summary>
public sealed class CosmosOrderStoreFailureTests
{
    private readonly Container _container = Substitute.For<Container>();
    private readonly CosmosOrderStore _store;

    public CosmosOrderStoreFailureTests() => _store = new CosmosOrderStore(_container);

    [Fact]
    public async Task Finding_an_order_Cosmos_DB_does_not_have_returns_null()
    {
        ReadFails(Answer(HttpStatusCode.NotFound));

        Assert.Null(await _store.FindAsync("T1", CancellationToken.None));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData((HttpStatusCode)449)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task A_status_that_may_pass_is_unavailable(HttpStatusCode status)
    {
        var answer = Answer(status);
        ReadFails(answer);

        var failure = await Assert.ThrowsAsync<DependencyUnavailableException>(() => _store.FindAsync("T1", CancellationToken.None));

        Assert.Same(answer, failure.InnerException);
    }

    [Fact]
    public async Task A_network_error_is_unavailable()
    {
        ReadFails(new HttpRequestException("Connection refused"));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => _store.FindAsync("T1", CancellationToken.None));
    }

    [Fact]
    public async Task An_SDK_timeout_is_unavailable()
    {
        ReadFails(new CosmosOperationCanceledException(new OperationCanceledException("timed out"), Substitute.For<CosmosDiagnostics>()));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => _store.FindAsync("T1", CancellationToken.None));
    }

    [Fact]
    public async Task The_callers_own_cancellation_propagates_as_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        ReadFails(new CosmosOperationCanceledException(new OperationCanceledException(cancelled.Token), Substitute.For<CosmosDiagnostics>()));

        await Assert.ThrowsAsync<CosmosOperationCanceledException>(() => _store.FindAsync("T1", cancelled.Token));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task A_configuration_error_propagates_as_is(HttpStatusCode status)
    {
        var answer = Answer(status);
        ReadFails(answer);

        var failure = await Assert.ThrowsAsync<CosmosException>(() => _store.FindAsync("T1", CancellationToken.None));

        Assert.Same(answer, failure);
    }

    [Fact]
    public async Task A_transient_failure_of_a_write_is_unavailable_too()
    {
        _container.ReplaceItemAsync(Arg.Any<OrderDocument>(), Arg.Any<string>(), Arg.Any<PartitionKey?>(), Arg.Any<ItemRequestOptions>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(Answer(HttpStatusCode.ServiceUnavailable));
        var stored = new StoredOrder(StorageTestOrders.New(), "\"etag\"");

        await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => _store.TryReplaceAsync(stored, stored.Order.Cancel(stored.Order.PayDeadline, "PAYMENT_TIMEOUT"), CancellationToken.None));
    }

    [Fact]
    public async Task Replacing_an_order_with_another_number_is_refused()
    {
        var stored = new StoredOrder(StorageTestOrders.New(), "\"etag\"");

        await Assert.ThrowsAsync<ArgumentException>(
            () => _store.TryReplaceAsync(stored, StorageTestOrders.New(), CancellationToken.None));
    }

    private void ReadFails(Exception exception) =>
        _container.ReadItemAsync<OrderDocument>(Arg.Any<string>(), Arg.Any<PartitionKey>(), Arg.Any<ItemRequestOptions>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(exception);

    private static CosmosException Answer(HttpStatusCode status) => new($"Cosmos DB answered {(int)status}", status, 0, "activity", 1);
}
