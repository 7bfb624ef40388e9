using OrderClose.Tools.Bench;
using OrderClose.Tools.Chaos;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.Chaos;

/// <summary>Each invariant of the chaos report catches the order that breaks it, and only that one.</summary>
public sealed class ChaosReportTests
{
    private static readonly DateTimeOffset Deadline = TestOrders.Deadline;

    private readonly BenchOrders _orders = new("R", 0.5);
    private readonly ChaosCounts _counts = new();

    [Fact]
    public async Task Every_broken_promise_is_counted_once_under_its_own_invariant()
    {
        // 0: unpaid, cancelled once. 1: paid, moved twice. 2: still NEW. 3: paid, cancelled, no refund recorded.
        // 4: paid after the cancel, refund recorded. 5: never paid yet PAID.
        await MoveAsync(0, 1);
        await MoveAsync(1, 2);
        await MoveAsync(3, 1);
        await MoveAsync(4, 1);
        await MoveAsync(5, 1);
        FinalOrder[] finals =
        [
            Final("CANCELLED"), Final("PAID"), Final("NEW"), Final("CANCELLED"), Final("CANCELLED", refund: true), Final("PAID"),
        ];
        TradeState?[] trades = [TradeState.Closed, TradeState.Paid, null, TradeState.Paid, TradeState.Paid, TradeState.Closed];
        PayOutcome[] pays = [PayOutcome.NotPaid, PayOutcome.Paid, PayOutcome.NotPaid, PayOutcome.Paid, PayOutcome.Paid, PayOutcome.NotPaid];

        var report = ChaosReport.From(Options(orders: 6), _orders, [.. Enumerable.Repeat(true, 6)], pays, finals, trades,
            _counts, new Dictionary<string, long>(), deadLetters: 0, sweeperCloses: 0, settled: false, seconds: 1);

        Assert.Equal(new Invariants(
            UnpaidNotCancelled: 1, PaidNotPaid: 0, TransitionsNotOne: 1, LeftNew: 1, PaidAfterCancelNotRecorded: 1, NotDriven: 0,
            PaidAfterCancelRecorded: 1), report.Invariants);
        Assert.Equal(4, report.Violations);
    }

    [Fact]
    public void An_order_the_driver_could_not_pay_or_read_is_a_violation()
    {
        var report = ChaosReport.From(Options(orders: 2), _orders, [true, true], [PayOutcome.NotPaid, PayOutcome.Failed],
            [default, Final("CANCELLED")], [null, null], _counts, new Dictionary<string, long>(), 0, 0, true, 1);

        Assert.Equal(2, report.Invariants.NotDriven);
    }

    private static ChaosOptions Options(int orders) => ChaosOptions.Default with { Run = ChaosOptions.Default.Run with { Orders = orders } };

    private static FinalOrder Final(string state, bool refund = false) => new(state, Deadline, null, refund);

    private async Task MoveAsync(int index, int times)
    {
        var store = new TransitionCountingStore(new AlwaysReplaces(), _counts);
        var order = TestOrders.New(_orders.Number(index), Deadline);
        for (var i = 0; i < times; i++)
        {
            await store.TryReplaceAsync(TestOrders.Stored(order), order.Cancel(Deadline, CloseUnpaidOrder.PaymentTimeoutReason), CancellationToken.None);
        }
    }

    private sealed class AlwaysReplaces : IOrderStore
    {
        public Task<StoredOrder?> FindAsync(string outTradeNo, CancellationToken cancellationToken) => Task.FromResult<StoredOrder?>(null);

        public Task<StoredOrder?> TryCreateAsync(Order order, CancellationToken cancellationToken) => Task.FromResult<StoredOrder?>(null);

        public Task<StoredOrder?> TryReplaceAsync(StoredOrder current, Order next, CancellationToken cancellationToken) =>
            Task.FromResult<StoredOrder?>(new StoredOrder(next, "2"));
    }
}
