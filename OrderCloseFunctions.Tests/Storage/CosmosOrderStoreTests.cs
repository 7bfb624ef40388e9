using System.Text.Json;
using Microsoft.Azure.Cosmos;
using OrderClose.Contracts;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Storage;

namespace OrderClose.Tests.Storage;

/// <summary>The store against a real Cosmos DB protocol server: point operations and ETag compare-and-set.</summary>
[Collection(CosmosDbServerCollection.Name)]
public sealed class CosmosOrderStoreTests(CosmosDbServerFixture server)
{
    private readonly IOrderStore _store = server.Store;

    [Fact]
    public async Task A_created_order_is_found_with_every_field_and_the_same_etag()
    {
        var order = StorageTestOrders.CancelledNeedingRefund();

        var created = await _store.TryCreateAsync(order, CancellationToken.None);
        var found = await _store.FindAsync(order.OutTradeNo, CancellationToken.None);

        Assert.NotNull(created);
        Assert.False(string.IsNullOrEmpty(created.ETag));
        Assert.NotNull(found);
        Assert.Equal(order, found.Order);
        Assert.Equal(order.CreatedAt.Offset, found.Order.CreatedAt.Offset);
        Assert.Equal(created.ETag, found.ETag);
    }

    [Fact]
    public async Task The_stored_document_has_the_contract_shape()
    {
        var order = StorageTestOrders.CancelledNeedingRefund();
        await _store.TryCreateAsync(order, CancellationToken.None);

        using var response = await server.Container.ReadItemStreamAsync(order.OutTradeNo, new PartitionKey(order.OutTradeNo), cancellationToken: CancellationToken.None);
        using var json = await JsonDocument.ParseAsync(response.Content, cancellationToken: CancellationToken.None);
        var document = json.RootElement;

        Assert.Equal(order.OutTradeNo, document.GetProperty("id").GetString());
        Assert.Equal("CANCELLED", document.GetProperty("state").GetString());
        Assert.Equal(12_345, document.GetProperty("amount").GetInt64());
        Assert.Equal("CNY", document.GetProperty("currency").GetString());
        Assert.Equal("ALIPAY", document.GetProperty("payType").GetString());
        Assert.Equal("PAYMENT_TIMEOUT", document.GetProperty("closeReason").GetString());
        Assert.True(document.GetProperty("refundRequired").GetBoolean());
        var refund = document.GetProperty("refund");
        Assert.Equal("SUCCEEDED", refund.GetProperty("status").GetString());
        Assert.Equal(12_345, refund.GetProperty("amount").GetInt64());
        Assert.Equal("RF2026112800001", refund.GetProperty("providerRefundNo").GetString());
        // Fixed-width UTC: the sweep's query of stalled refunds compares it as a string.
        Assert.Equal("2025-03-14T01:58:53.5890000Z", refund.GetProperty("requestedAt").GetString());
        Assert.Equal(4_211, document.GetProperty("closeSequenceNumber").GetInt64());
        Assert.Equal(Order.CurrentSchemaVersion, document.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(order.PayDeadline, document.GetProperty("payDeadline").GetDateTimeOffset());
        // Fixed-width UTC whatever the order's offset (+08:00 here): the overdue query compares it as a string.
        Assert.Equal("2025-03-14T01:56:53.5890000Z", document.GetProperty("payDeadline").GetString());
        Assert.False(document.TryGetProperty("OutTradeNo", out _));
    }

    [Fact]
    public async Task The_outbox_is_stored_in_the_document_with_the_move_and_its_pending_time_only_while_an_event_waits()
    {
        var created = await _store.TryCreateAsync(StorageTestOrders.New(), CancellationToken.None);
        var cancelled = created!.Order.Cancel(created.Order.PayDeadline.AddSeconds(1), "PAYMENT_TIMEOUT");

        var moved = await _store.TryReplaceAsync(created, cancelled, CancellationToken.None);
        var pending = await DocumentAsync(cancelled.OutTradeNo);
        var marked = await _store.TryReplaceAsync(moved!, cancelled.MarkEventsPublished([cancelled.Events[0].Id], DateTimeOffset.UtcNow), CancellationToken.None);
        var published = await DocumentAsync(cancelled.OutTradeNo);

        var orderEvent = Assert.Single(pending.GetProperty("events").EnumerateArray());
        Assert.Equal(cancelled.Events[0].Id, orderEvent.GetProperty("id").GetString());
        Assert.Equal("orderclose.order.cancelled", orderEvent.GetProperty("type").GetString());
        Assert.Equal("CANCELLED", orderEvent.GetProperty("order").GetProperty("state").GetString());
        Assert.False(orderEvent.GetProperty("order").TryGetProperty("events", out _));
        Assert.Equal("2025-03-14T01:56:54.5890000Z", pending.GetProperty("eventsPendingSince").GetString());
        Assert.NotNull(marked);
        Assert.False(published.TryGetProperty("eventsPendingSince", out _));
        Assert.Equal(marked.Order, (await _store.FindAsync(cancelled.OutTradeNo, CancellationToken.None))!.Order);
    }

    [Fact]
    public async Task Creating_a_number_twice_returns_null_and_keeps_the_first_order()
    {
        var first = StorageTestOrders.New();
        var created = await _store.TryCreateAsync(first, CancellationToken.None);

        var second = await _store.TryCreateAsync(first with { Amount = new Money(1, "CNY") }, CancellationToken.None);

        Assert.Null(second);
        var stored = await _store.FindAsync(first.OutTradeNo, CancellationToken.None);
        Assert.Equal(first, stored?.Order);
        Assert.Equal(created?.ETag, stored?.ETag);
    }

    [Fact]
    public async Task Replacing_with_the_current_etag_stores_the_next_order_under_a_new_etag()
    {
        var created = await _store.TryCreateAsync(StorageTestOrders.New(), CancellationToken.None);
        var paid = created!.Order.MarkPaid(created.Order.PayDeadline.AddMinutes(-5));

        var replaced = await _store.TryReplaceAsync(created, paid, CancellationToken.None);

        Assert.NotNull(replaced);
        Assert.NotEqual(created.ETag, replaced.ETag);
        var stored = await _store.FindAsync(paid.OutTradeNo, CancellationToken.None);
        Assert.Equal(paid, stored?.Order);
        Assert.Equal(replaced.ETag, stored?.ETag);
    }

    [Fact]
    public async Task Replacing_with_a_stale_etag_returns_null_and_leaves_the_order_unchanged()
    {
        var created = await _store.TryCreateAsync(StorageTestOrders.New(), CancellationToken.None);
        var paid = await _store.TryReplaceAsync(created!, created!.Order.MarkPaid(created.Order.CreatedAt.AddMinutes(1)), CancellationToken.None);

        var cancelled = await _store.TryReplaceAsync(created, created.Order.Cancel(created.Order.PayDeadline, "PAYMENT_TIMEOUT"), CancellationToken.None);

        Assert.Null(cancelled);
        var stored = await _store.FindAsync(created.Order.OutTradeNo, CancellationToken.None);
        Assert.Equal(paid!.Order, stored?.Order);
        Assert.Equal(paid.ETag, stored?.ETag);
    }

    [Fact]
    public async Task Of_two_concurrent_replaces_from_the_same_read_exactly_one_wins()
    {
        var read = await _store.TryCreateAsync(StorageTestOrders.New(), CancellationToken.None);
        var order = read!.Order;

        var outcomes = await Task.WhenAll(
            _store.TryReplaceAsync(read, order.MarkPaid(order.PayDeadline.AddMinutes(-1)), CancellationToken.None),
            _store.TryReplaceAsync(read, order.Cancel(order.PayDeadline, "PAYMENT_TIMEOUT"), CancellationToken.None));

        var winner = Assert.Single(outcomes, outcome => outcome is not null);
        var stored = await _store.FindAsync(order.OutTradeNo, CancellationToken.None);
        Assert.Equal(winner!.Order, stored?.Order);
        Assert.Equal(winner.ETag, stored?.ETag);
    }

    [Fact]
    public async Task Replacing_an_order_that_vanished_returns_null()
    {
        var created = await _store.TryCreateAsync(StorageTestOrders.New(), CancellationToken.None);
        await server.Container.DeleteItemAsync<OrderDocument>(created!.Order.OutTradeNo, new PartitionKey(created.Order.OutTradeNo), cancellationToken: CancellationToken.None);

        var replaced = await _store.TryReplaceAsync(created, created.Order.Cancel(created.Order.PayDeadline, "PAYMENT_TIMEOUT"), CancellationToken.None);

        Assert.Null(replaced);
    }

    private async Task<JsonElement> DocumentAsync(string id)
    {
        using var response = await server.Container.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: CancellationToken.None);
        using var json = await JsonDocument.ParseAsync(response.Content, cancellationToken: CancellationToken.None);
        return json.RootElement.Clone();
    }
}
