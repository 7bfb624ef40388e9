using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Orders;

public sealed class PlaceOrderTests : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(45);

    private readonly InMemoryOrderStore _store = new();
    private readonly ICloseScheduler _scheduler = Substitute.For<ICloseScheduler>();
    private readonly FakeTimeProvider _clock = new(TestOrders.PlacedAt);
    private readonly OrderMetricsProbe _metrics = new();
    private readonly PlaceOrder _place;

    public PlaceOrderTests()
    {
        _scheduler.ScheduleAsync(default!, default).ReturnsForAnyArgs(TestOrders.ScheduledCloseHandle);
        _place = new PlaceOrder(_store, _scheduler, Options.Create(new OrderOptions { DefaultPaymentTimeout = DefaultTimeout }),
            _clock, _metrics.Metrics, NullLogger<PlaceOrder>.Instance);
    }

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task Creates_a_NEW_order_due_after_the_requested_timeout()
    {
        var result = await PlaceAsync(TestOrders.Command());

        Assert.Equal(PlaceOrderStatus.Created, result.Status);
        Assert.Equal(TestOrders.New(), result.Order);
        Assert.Equal(TestOrders.New(), _store.Peek(TestOrders.Number)?.Order);
    }

    [Fact]
    public async Task Without_a_timeout_the_order_is_due_after_the_configured_default()
    {
        var result = await PlaceAsync(TestOrders.Command() with { PaymentTimeout = null });

        Assert.Equal(TestOrders.PlacedAt + DefaultTimeout, result.Order.PayDeadline);
    }

    [Fact]
    public async Task Schedules_the_close_at_the_deadline_before_storing_the_order()
    {
        CloseSchedule? scheduled = null;
        var storedWhenScheduled = true;
        _scheduler.ScheduleAsync(default!, default).ReturnsForAnyArgs(call =>
        {
            scheduled = call.Arg<CloseSchedule>();
            storedWhenScheduled = _store.Peek(TestOrders.Number) is not null;
            return TestOrders.ScheduledCloseHandle;
        });

        await PlaceAsync(TestOrders.Command());

        Assert.NotNull(scheduled);
        Assert.Equal($"{TestOrders.Number}@20250301T103000.0000000Z", scheduled.MessageId);
        Assert.Equal(TestOrders.Deadline, scheduled.DueAt);
        Assert.False(storedWhenScheduled, "the order was stored before its close was scheduled");
        Assert.Equal(1, _store.CreateCount);
    }

    [Fact]
    public async Task Stores_the_sequence_number_of_the_scheduled_close_on_the_order()
    {
        _scheduler.ScheduleAsync(default!, default).ReturnsForAnyArgs(987L);

        var result = await PlaceAsync(TestOrders.Command());

        Assert.Equal(987L, result.Order.ScheduledCloseHandle);
        Assert.Equal(987L, _store.Peek(TestOrders.Number)?.Order.ScheduledCloseHandle);
    }

    [Fact]
    public async Task Counts_the_created_order_by_pay_type()
    {
        await PlaceAsync(TestOrders.Command());

        var created = Assert.Single(_metrics.Created.GetMeasurementSnapshot());
        Assert.Equal(1, created.Value);
        Assert.Equal(TestOrders.PayType, created.Tags["pay_type"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_same_request_again_is_AlreadyPlaced_and_schedules_nothing_more(bool withDefaultTimeout)
    {
        var command = withDefaultTimeout ? TestOrders.Command() with { PaymentTimeout = null } : TestOrders.Command();
        var first = await PlaceAsync(command);
        _clock.Advance(TimeSpan.FromSeconds(20));

        var again = await PlaceAsync(command);

        Assert.Equal(PlaceOrderStatus.AlreadyPlaced, again.Status);
        Assert.Equal(first.Order, again.Order);
        await _scheduler.ReceivedWithAnyArgs(1).ScheduleAsync(default!, default);
        Assert.Equal(1, _store.CreateCount);
        Assert.Single(_metrics.Created.GetMeasurementSnapshot());
    }

    [Theory]
    [MemberData(nameof(OtherRequests))]
    public async Task Another_request_under_a_taken_number_is_NumberTaken_and_changes_nothing(string difference)
    {
        var existing = _store.Add(TestOrders.New());

        var result = await PlaceAsync(PlaceOrderVariants.Differing(difference).Command);

        Assert.Equal(PlaceOrderStatus.NumberTaken, result.Status);
        Assert.Equal(existing.Order, result.Order);
        Assert.Equal(existing, _store.Peek(TestOrders.Number));
        await _scheduler.DidNotReceiveWithAnyArgs().ScheduleAsync(default!, default);
        Assert.Empty(_metrics.Created.GetMeasurementSnapshot());
    }

    public static TheoryData<string> OtherRequests => new(PlaceOrderVariants.Differences);

    [Fact]
    public async Task When_scheduling_fails_nothing_is_stored()
    {
        _scheduler.ScheduleAsync(default!, default).ThrowsAsyncForAnyArgs(new DependencyUnavailableException("Service Bus is down"));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => PlaceAsync(TestOrders.Command()));

        Assert.Null(_store.Peek(TestOrders.Number));
        Assert.Equal(0, _store.CreateCount);
        Assert.Empty(_metrics.Created.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task When_storing_fails_after_scheduling_a_retry_converges_to_one_order()
    {
        _store.FailNext(StoreOperation.Create, new DependencyUnavailableException("Cosmos throttled"));
        await Assert.ThrowsAsync<DependencyUnavailableException>(() => PlaceAsync(TestOrders.Command()));
        _clock.Advance(TimeSpan.FromSeconds(5));

        var retry = await PlaceAsync(TestOrders.Command());

        Assert.Equal(PlaceOrderStatus.Created, retry.Status);
        Assert.Equal(retry.Order, _store.Peek(TestOrders.Number)?.Order);
        Assert.Equal(1, _store.CreateCount);
        // Each attempt's close is kept (their deadlines differ): the stored order's own close is in the queue, and the
        // first attempt's, due 5 s early, is resent for the stored deadline when it comes.
        var scheduled = _scheduler.ReceivedCalls().Select(call => (CloseSchedule)call.GetArguments()[0]!).ToList();
        Assert.Equal(2, scheduled.Select(s => s.MessageId).Distinct().Count());
        Assert.Equal(retry.Order.PayDeadline, scheduled[^1].DueAt);
    }

    [Theory]
    [InlineData(false, PlaceOrderStatus.AlreadyPlaced)]
    [InlineData(true, PlaceOrderStatus.NumberTaken)]
    public async Task Losing_the_create_race_answers_from_the_winner(bool winnerIsAnotherOrder, PlaceOrderStatus expected)
    {
        var winner = TestOrders.New() with { ScheduledCloseHandle = 1 };
        if (winnerIsAnotherOrder)
        {
            winner = winner with { Subject = "Someone else's tea" };
        }
        // The other request stores its order after our read, while we schedule.
        _scheduler.ScheduleAsync(default!, default).ReturnsForAnyArgs(_ =>
        {
            _store.Add(winner);
            return TestOrders.ScheduledCloseHandle;
        });

        var result = await PlaceAsync(TestOrders.Command());

        Assert.Equal(expected, result.Status);
        Assert.Equal(winner, result.Order);
        Assert.Equal(winner, _store.Peek(TestOrders.Number)?.Order);
        Assert.Empty(_metrics.Created.GetMeasurementSnapshot());
    }

    private Task<PlaceOrderResult> PlaceAsync(PlaceOrderCommand command) => _place.HandleAsync(command, CancellationToken.None);
}
