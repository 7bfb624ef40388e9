using OrderClose.LocalRunner.Storage;
using OrderClose.Orders;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.LocalRunner;

/// <summary>The runner's query of stalled refunds: PENDING ones requested before the cutoff, oldest first, a page at a time.</summary>
public sealed class SqliteStalledRefundsTests : IDisposable
{
    private static readonly DateTimeOffset Cutoff = TestOrders.Deadline.AddMinutes(10);

    private readonly SqliteDatabase _database = SqliteDatabase.Open(null, "orders", SqliteOrderStore.Schema + SqliteStalledRefunds.Schema);
    private readonly SqliteOrderStore _store;
    private readonly SqliteStalledRefunds _stalled;

    public SqliteStalledRefundsTests()
    {
        _store = new SqliteOrderStore(_database);
        _stalled = new SqliteStalledRefunds(_database);
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task It_finds_only_pending_refunds_requested_before_the_cutoff_oldest_first_and_pages()
    {
        await Store("LATER", LatePaymentPolicy.Refund, TestOrders.Deadline.AddMinutes(5));
        await Store("EARLIER", LatePaymentPolicy.Refund, TestOrders.Deadline.AddMinutes(1));
        await Store("ALSO-EARLIER", LatePaymentPolicy.Refund, TestOrders.Deadline.AddMinutes(1));
        await Store("NOT-YET", LatePaymentPolicy.Refund, Cutoff);
        await Store("MANUAL", LatePaymentPolicy.Manual, TestOrders.Deadline);
        await _store.TryCreateAsync(Late("DONE", LatePaymentPolicy.Refund, TestOrders.Deadline).CompleteRefund("RF", Cutoff), CancellationToken.None);
        await _store.TryCreateAsync(TestOrders.New("NONE", TestOrders.Deadline).Cancel(TestOrders.Deadline, "PAYMENT_TIMEOUT"), CancellationToken.None);

        var first = await _stalled.FindAsync(Cutoff, 2, null, CancellationToken.None);
        var second = await _stalled.FindAsync(Cutoff, 2, first.Continuation, CancellationToken.None);

        Assert.Equal(["ALSO-EARLIER", "EARLIER"], first.OutTradeNos);
        Assert.Equal(["LATER"], second.OutTradeNos);
        Assert.Null(second.Continuation);
    }

    [Fact]
    public async Task The_query_reads_the_partial_index()
    {
        var plan = await SqliteQueryPlan.ExplainAsync(_database, SqliteStalledRefunds.Query, ("@cutoff", "x"), ("@afterKey", ""), ("@afterId", ""), ("@max", 10));

        Assert.Contains("orders_refund_pending", plan);
    }

    private static Order Late(string number, LatePaymentPolicy policy, DateTimeOffset requestedAt) =>
        TestOrders.New(number, TestOrders.Deadline).Cancel(TestOrders.Deadline, "PAYMENT_TIMEOUT").RecordLatePayment(requestedAt, policy);

    private Task Store(string number, LatePaymentPolicy policy, DateTimeOffset requestedAt) =>
        _store.TryCreateAsync(Late(number, policy, requestedAt), CancellationToken.None);
}
