using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Support;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Orders;

/// <summary>The sweep over the in-memory store, with the real close use case and provider double of <see cref="ClosePipeline"/>.</summary>
public sealed class SweepOverdueOrdersTests : IDisposable
{
    private readonly ClosePipeline _pipeline = new();
    private readonly SweepOptions _options = new();

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task Orders_new_past_deadline_and_grace_are_closed_the_rest_are_left_alone()
    {
        var numbers = await _pipeline.PlaceOrdersAsync(5);
        _pipeline.Provider.PaidOrders.Add(numbers[1]);
        await MarkPaidAsync(numbers[2]);
        // Cutoff between the deadlines of the 4th (3 min) and the 5th (4 min) order.
        _pipeline.Clock.SetUtcNow(ClosePipeline.Start.AddMinutes(4.5) + _options.Grace);

        var result = await Sweep().RunAsync(CancellationToken.None);

        // The payment stored behind the use cases' back left its event unpublished: the sweep publishes it.
        Assert.Equal(new SweepResult(Found: 3, Closed: 3, Failed: 0) { EventsRepublished = 1 }, result);
        Assert.Equal(
            [OrderState.Cancelled, OrderState.Paid, OrderState.Paid, OrderState.Cancelled, OrderState.New],
            numbers.Select(n => _pipeline.Order(n).State));
    }

    [Fact]
    public async Task A_failure_on_one_order_does_not_stop_the_others()
    {
        var numbers = await _pipeline.PlaceOrdersAsync(3);
        _pipeline.Clock.Advance(TimeSpan.FromDays(1));
        _pipeline.Store.FailNext(StoreOperation.Find, new DependencyUnavailableException("429"));

        var result = await Sweep().RunAsync(CancellationToken.None);

        Assert.Equal(new SweepResult(Found: 3, Closed: 2, Failed: 1), result);
        Assert.Equal([OrderState.New, OrderState.Cancelled, OrderState.Cancelled], numbers.Select(n => _pipeline.Order(n).State));
    }

    [Fact]
    public async Task An_overdue_query_that_fails_does_not_keep_unpublished_events_from_being_published()
    {
        var numbers = await _pipeline.PlaceOrdersAsync(1);
        await MarkPaidAsync(numbers[0]);
        _pipeline.Clock.Advance(TimeSpan.FromDays(1));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => Sweep(new FailingOverdueOrders()).RunAsync(CancellationToken.None));

        var again = await Sweep().RunAsync(CancellationToken.None);
        Assert.Equal(0, again.EventsRepublished);
    }

    [Fact]
    public async Task A_run_takes_at_most_max_orders_a_page_at_a_time_and_the_next_run_goes_on()
    {
        _options.PageSize = 2;
        _options.MaxOrdersPerRun = 5;
        var numbers = await _pipeline.PlaceOrdersAsync(12);
        _pipeline.Clock.Advance(TimeSpan.FromDays(1));
        var overdue = new CountingOverdueOrders(_pipeline.Store);

        var first = await Sweep(overdue).RunAsync(CancellationToken.None);
        var second = await Sweep(overdue).RunAsync(CancellationToken.None);

        Assert.Equal(new SweepResult(5, 5, 0), first);
        Assert.Equal(new SweepResult(5, 5, 0), second);
        Assert.Equal([2, 2, 1, 2, 2, 1], overdue.PageSizesAsked);
        Assert.Equal(2, numbers.Count(n => _pipeline.Order(n).State == OrderState.New));
    }

    [Fact]
    public async Task A_sweep_racing_the_close_message_moves_the_order_once_and_nothing_is_dead_lettered()
    {
        var number = Assert.Single(await _pipeline.PlaceOrdersAsync(1));
        _pipeline.Clock.Advance(TimeSpan.FromDays(1));
        var bothQuerying = new Rendezvous(2);
        _pipeline.Provider.BeforeQuery = bothQuerying.ArriveAsync;

        var sweep = Task.Run(() => Sweep().RunAsync(CancellationToken.None));
        var message = Task.Run(() => _pipeline.RunQueueUntilAsync(_pipeline.Clock.GetUtcNow()));
        await Task.WhenAll(sweep, message);

        Assert.Equal(OrderState.Cancelled, _pipeline.Order(number).State);
        Assert.Equal(1, _pipeline.Store.MoveCount);
        Assert.Empty(_pipeline.Queue.DeadLetters);
        Assert.Equal(0, _pipeline.Queue.PendingCount);
    }

    [Fact]
    public async Task A_refund_whose_request_was_never_sent_is_sent_again_once_past_its_grace()
    {
        _options.RefundGrace = TimeSpan.FromMinutes(10);
        var number = Assert.Single(await _pipeline.PlaceOrdersAsync(1));
        _pipeline.Clock.Advance(TimeSpan.FromMinutes(2));
        await _pipeline.RunQueueUntilAsync(_pipeline.Clock.GetUtcNow());
        _pipeline.Refunds.FailNext = 1;
        await _pipeline.Confirm.HandleAsync(new PaymentNotification(number, true, TestOrders.Amount.MinorUnits, null, "P1"), CancellationToken.None);
        Assert.Equal(RefundStatus.Pending, _pipeline.Order(number).Refund!.Status);
        Assert.Empty(_pipeline.Refunds.Sent);

        _pipeline.Clock.Advance(TimeSpan.FromMinutes(9));
        var withinGrace = await Sweep().RunAsync(CancellationToken.None);
        _pipeline.Clock.Advance(TimeSpan.FromMinutes(2));
        var pastGrace = await Sweep().RunAsync(CancellationToken.None);

        Assert.Equal((0, 1), (withinGrace.RefundsResent, pastGrace.RefundsResent));
        var resent = Assert.Single(_pipeline.Refunds.Sent);
        Assert.Equal(($"R{number}@0", number, 0), (resent.MessageId, resent.OutTradeNo, resent.Attempt));
    }

    [Fact]
    public async Task Refunds_that_ended_are_not_sent_again()
    {
        _options.RefundGrace = TimeSpan.Zero;
        foreach (var (number, refund) in new[]
                 {
                     ("DONE", Late("DONE").RecordLatePayment(ClosePipeline.Start, LatePaymentPolicy.Refund).CompleteRefund("RF", ClosePipeline.Start)),
                     ("MANUAL", Late("MANUAL").RecordLatePayment(ClosePipeline.Start, LatePaymentPolicy.Manual)),
                     ("FAILED", Late("FAILED").RecordLatePayment(ClosePipeline.Start, LatePaymentPolicy.Refund).FailRefund(ClosePipeline.Start)),
                 })
        {
            _pipeline.Store.Add(refund);
        }
        _pipeline.Clock.Advance(TimeSpan.FromDays(1));

        var result = await Sweep().RunAsync(CancellationToken.None);

        Assert.Equal(0, result.RefundsResent);
        Assert.Empty(_pipeline.Refunds.Sent);
    }

    [Fact]
    public async Task A_refund_that_cannot_be_sent_again_now_is_left_for_the_next_run()
    {
        _options.RefundGrace = TimeSpan.Zero;
        _pipeline.Store.Add(TestOrders.Cancelled().RecordLatePayment(ClosePipeline.Start, LatePaymentPolicy.Refund));
        _pipeline.Clock.Advance(TimeSpan.FromMinutes(1));
        _pipeline.Refunds.FailNext = 1;

        var failed = await Sweep().RunAsync(CancellationToken.None);
        var next = await Sweep().RunAsync(CancellationToken.None);

        Assert.Equal((0, 1), (failed.RefundsResent, next.RefundsResent));
    }

    private static Order Late(string number) =>
        TestOrders.New(number, TestOrders.Deadline).Cancel(TestOrders.Deadline, CloseUnpaidOrder.PaymentTimeoutReason);

    private SweepOverdueOrders Sweep(IOverdueOrders? overdue = null) =>
        new(overdue ?? _pipeline.Store, _pipeline.Store, _pipeline.Store, _pipeline.Refunds, _pipeline.Close, _pipeline.Store, _pipeline.Outbox, Options.Create(_options), _pipeline.Clock, NullLogger<SweepOverdueOrders>.Instance);

    private async Task MarkPaidAsync(string number)
    {
        var stored = _pipeline.Store.Peek(number)!;
        await _pipeline.Store.TryReplaceAsync(stored, stored.Order.MarkPaid(ClosePipeline.Start), CancellationToken.None);
    }

    /// <summary>Passes the queries through and remembers the page size of each.</summary>
    private sealed class CountingOverdueOrders(IOverdueOrders inner) : IOverdueOrders
    {
        public List<int> PageSizesAsked { get; } = [];

        public Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken)
        {
            PageSizesAsked.Add(max);
            return inner.FindAsync(cutoff, max, continuation, cancellationToken);
        }
    }

    private sealed class FailingOverdueOrders : IOverdueOrders
    {
        public Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken) =>
            throw new DependencyUnavailableException("the overdue query timed out");
    }
}
