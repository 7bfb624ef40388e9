using OrderClose.LocalRunner.Storage;
using OrderClose.Orders;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.LocalRunner;

/// <summary>
/// The runner's query of outstanding refunds, against a real SQLite file in WAL mode as the runner keeps it: PENDING, FAILED
/// and MANUAL ones, the oldest request first, a page at a time, through its partial index.
/// </summary>
public sealed class SqliteOutstandingRefundsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("orderclose-outstanding-");
    private readonly SqliteDatabase _database;
    private readonly SqliteOrderStore _store;
    private readonly SqliteOutstandingRefunds _outstanding;

    public SqliteOutstandingRefundsTests()
    {
        _database = SqliteDatabase.Open(Path.Combine(_folder.FullName, "orders.db"), "orders", SqliteOrderStore.Schema + SqliteOutstandingRefunds.Schema);
        _store = new SqliteOrderStore(_database);
        _outstanding = new SqliteOutstandingRefunds(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task It_finds_refunds_pending_failed_or_manual_oldest_request_first_and_pages_without_skipping_or_repeating()
    {
        await Store(Late("PENDING", TestOrders.Deadline.AddMinutes(4), LatePaymentPolicy.Refund));
        await Store(Late("FAILED", TestOrders.Deadline.AddMinutes(2), LatePaymentPolicy.Refund).FailRefund(TestOrders.Deadline.AddHours(1)));
        await Store(Late("MANUAL-B", TestOrders.Deadline.AddMinutes(1), LatePaymentPolicy.Manual));
        await Store(Late("MANUAL-A", TestOrders.Deadline.AddMinutes(1), LatePaymentPolicy.Manual));
        await Store(Late("SUCCEEDED", TestOrders.Deadline, LatePaymentPolicy.Refund).CompleteRefund("RF1", TestOrders.Deadline.AddHours(1)));
        await Store(TestOrders.New("CANCELLED", TestOrders.Deadline).Cancel(TestOrders.Deadline, CloseUnpaidOrder.PaymentTimeoutReason));
        await Store(TestOrders.New("NEW", TestOrders.Deadline));

        var first = await _outstanding.FindAsync(2, null, CancellationToken.None);
        var second = await _outstanding.FindAsync(2, first.Continuation, CancellationToken.None);
        var third = await _outstanding.FindAsync(2, second.Continuation, CancellationToken.None);

        Assert.Equal(["MANUAL-A", "MANUAL-B"], first.OutTradeNos);
        Assert.Equal(["FAILED", "PENDING"], second.OutTradeNos);
        Assert.Empty(third.OutTradeNos);
        Assert.Null(third.Continuation);
    }

    [Fact]
    public async Task A_refund_that_succeeds_leaves_the_list()
    {
        var pending = Late("T1", TestOrders.Deadline, LatePaymentPolicy.Refund);
        var stored = await _store.TryCreateAsync(pending, CancellationToken.None);

        await _store.TryReplaceAsync(stored!, pending.CompleteRefund("RF1", TestOrders.Deadline.AddHours(1)), CancellationToken.None);

        Assert.Empty((await _outstanding.FindAsync(10, null, CancellationToken.None)).OutTradeNos);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("2025-03-01T10:30:00Z T1")]
    [InlineData("2025-03-01T10:30:00.0000000Z a..b")]
    [InlineData("2025-03-01T10:30:00.0000000Z")]
    public async Task A_continuation_the_store_did_not_hand_out_is_refused_not_read_as_the_start(string continuation)
    {
        await Store(Late("T1", TestOrders.Deadline, LatePaymentPolicy.Manual));

        await Assert.ThrowsAsync<InvalidContinuationException>(() => _outstanding.FindAsync(10, continuation, CancellationToken.None));
    }

    [Fact]
    public async Task The_query_reads_the_partial_index_in_its_order()
    {
        var plan = await SqliteQueryPlan.ExplainAsync(_database, SqliteOutstandingRefunds.Query, ("@afterKey", ""), ("@afterId", ""), ("@max", 10));

        Assert.Contains("orders_refund_outstanding", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    private static Order Late(string number, DateTimeOffset requestedAt, LatePaymentPolicy policy) =>
        TestOrders.New(number, TestOrders.Deadline).Cancel(TestOrders.Deadline, CloseUnpaidOrder.PaymentTimeoutReason).RecordLatePayment(requestedAt, policy);

    private async Task Store(Order order) => Assert.NotNull(await _store.TryCreateAsync(order, CancellationToken.None));
}
