using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Orders;

/// <summary>The ops list over the in-memory store: which orders need attention, in which order, a page at a time.</summary>
public sealed class ListOrdersNeedingAttentionTests
{
    private static readonly DateTimeOffset Now = TestOrders.Deadline.AddHours(3);

    private readonly InMemoryOrderStore _store = new();
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly SweepOptions _sweep = new() { Grace = TimeSpan.FromHours(1) };

    [Fact]
    public async Task Refund_lists_the_orders_whose_refund_is_pending_failed_or_manual_oldest_request_first()
    {
        Add(LatePaid("PENDING-LATER", TestOrders.Deadline.AddMinutes(30), LatePaymentPolicy.Refund));
        Add(LatePaid("FAILED", TestOrders.Deadline.AddMinutes(20), LatePaymentPolicy.Refund).FailRefund(Now));
        Add(LatePaid("MANUAL", TestOrders.Deadline.AddMinutes(10), LatePaymentPolicy.Manual));
        Add(LatePaid("SUCCEEDED", TestOrders.Deadline.AddMinutes(5), LatePaymentPolicy.Refund).CompleteRefund("RF1", Now));
        Add(TestOrders.New("CANCELLED", TestOrders.Deadline).Cancel(TestOrders.Deadline, CloseUnpaidOrder.PaymentTimeoutReason));
        Add(TestOrders.New("OVERDUE", TestOrders.Deadline));

        var page = await List().ListAsync(Attention.Refund, 10, null, CancellationToken.None);

        Assert.Equal(["MANUAL", "FAILED", "PENDING-LATER"], page.Orders.Select(order => order.OutTradeNo));
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task Overdue_lists_new_orders_past_their_deadline_and_the_sweeps_grace_earliest_deadline_first()
    {
        Add(TestOrders.New("LATER", Now - _sweep.Grace - TimeSpan.FromMinutes(1)));
        Add(TestOrders.New("EARLIER", Now - _sweep.Grace - TimeSpan.FromMinutes(30)));
        Add(TestOrders.New("IN-GRACE", Now - _sweep.Grace + TimeSpan.FromMinutes(1)));
        Add(TestOrders.New("PAID", TestOrders.Deadline).MarkPaid(TestOrders.PaidAt));
        Add(LatePaid("REFUND", TestOrders.Deadline, LatePaymentPolicy.Manual));

        var page = await List().ListAsync(Attention.Overdue, 10, null, CancellationToken.None);

        Assert.Equal(["EARLIER", "LATER"], page.Orders.Select(order => order.OutTradeNo));
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task It_pages_with_the_continuation_it_hands_out_without_skipping_or_repeating_an_order()
    {
        foreach (var number in new[] { "A", "B", "C", "D", "E" })
        {
            Add(TestOrders.New(number, TestOrders.Deadline));
        }

        var first = await List().ListAsync(Attention.Overdue, 2, null, CancellationToken.None);
        var second = await List().ListAsync(Attention.Overdue, 2, first.Continuation, CancellationToken.None);
        var third = await List().ListAsync(Attention.Overdue, 2, second.Continuation, CancellationToken.None);

        Assert.Equal(["A", "B", "C", "D", "E"], new[] { first, second, third }.SelectMany(page => page.Orders).Select(order => order.OutTradeNo));
        Assert.NotNull(second.Continuation);
        Assert.Null(third.Continuation);
    }

    [Fact]
    public async Task The_continuation_is_url_safe_and_keeps_the_first_pages_cutoff_so_every_page_asks_the_store_the_same_query()
    {
        Add(TestOrders.New("A", TestOrders.Deadline));
        Add(TestOrders.New("B", TestOrders.Deadline));
        Add(TestOrders.New("DUE-LATER", Now - _sweep.Grace + TimeSpan.FromMinutes(10)));

        var first = await List().ListAsync(Attention.Overdue, 1, null, CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        var second = await List().ListAsync(Attention.Overdue, 5, first.Continuation, CancellationToken.None);
        var fresh = await List().ListAsync(Attention.Overdue, 5, null, CancellationToken.None);

        Assert.Matches("^[A-Za-z0-9_-]+$", first.Continuation);
        Assert.Equal(["B"], second.Orders.Select(order => order.OutTradeNo));
        Assert.Equal(["A", "B", "DUE-LATER"], fresh.Orders.Select(order => order.OutTradeNo));
    }

    [Fact]
    public async Task An_order_that_moved_or_went_away_since_the_query_is_left_out_and_the_page_goes_on()
    {
        Add(TestOrders.New("STILL-NEW", TestOrders.Deadline));
        Add(TestOrders.New("PAID-SINCE", TestOrders.Deadline).MarkPaid(Now));
        var overdue = Substitute.For<IOverdueOrders>();
        overdue.FindAsync(Arg.Any<DateTimeOffset>(), 3, null, Arg.Any<CancellationToken>())
            .Returns(new OverduePage(["PAID-SINCE", "GONE", "STILL-NEW"], "more"));

        var page = await new ListOrdersNeedingAttention(_store, overdue, _store, Options.Create(_sweep), _clock)
            .ListAsync(Attention.Overdue, 3, null, CancellationToken.None);

        Assert.Equal(["STILL-NEW"], page.Orders.Select(order => order.OutTradeNo));
        Assert.NotNull(page.Continuation);
    }

    [Fact]
    public async Task A_continuation_of_the_other_list_is_refused_before_the_store_is_asked()
    {
        Add(TestOrders.New("A", TestOrders.Deadline));
        Add(TestOrders.New("B", TestOrders.Deadline));
        var overdue = await List().ListAsync(Attention.Overdue, 1, null, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidContinuationException>(() => List().ListAsync(Attention.Refund, 1, overdue.Continuation, CancellationToken.None));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("UmVmdW5k")]
    [InlineData("T3ZlcmR1ZXwxMjM0fA")]
    [InlineData("T3ZlcmR1ZXx4fDIwMjUgQQ")]
    [InlineData("_-8")]
    public async Task A_continuation_this_list_did_not_make_is_refused(string continuation)
    {
        await Assert.ThrowsAsync<InvalidContinuationException>(() => List().ListAsync(Attention.Overdue, 1, continuation, CancellationToken.None));
    }

    private ListOrdersNeedingAttention List() => new(_store, _store, _store, Options.Create(_sweep), _clock);

    private void Add(Order order) => _store.Add(order);

    private static Order LatePaid(string number, DateTimeOffset requestedAt, LatePaymentPolicy policy) =>
        TestOrders.New(number, TestOrders.Deadline).Cancel(TestOrders.Deadline, CloseUnpaidOrder.PaymentTimeoutReason).RecordLatePayment(requestedAt, policy);
}
