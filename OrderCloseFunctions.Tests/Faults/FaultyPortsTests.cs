using OrderClose.Tools.Faults;
using OrderClose.Orders;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Orders;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Faults;

/// <summary>Each injected fault does what it says, and only when it is on.</summary>
public sealed class FaultyPortsTests
{
    private static FaultPlan Always(string kind) => new(new FaultOptions { Enabled = FaultOptions.Parse(kind), Rate = 1, WrongAnswerRate = 1, TimeoutDelay = TimeSpan.Zero });

    [Theory]
    [InlineData(FaultKinds.StoreError)]
    [InlineData(FaultKinds.StoreTimeout)]
    public async Task A_store_error_or_timeout_is_a_transient_failure(string kind)
    {
        var store = new FaultyOrderStore(new InMemoryOrderStore(), Always(kind));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => store.FindAsync("T1", CancellationToken.None));
    }

    [Fact]
    public async Task A_lost_race_answers_that_somebody_changed_the_order_and_writes_nothing()
    {
        var inner = new InMemoryOrderStore();
        var created = (await inner.TryCreateAsync(TestOrders.New(), CancellationToken.None))!;
        var store = new FaultyOrderStore(inner, Always(FaultKinds.StoreLostRace));

        var replaced = await store.TryReplaceAsync(created, TestOrders.Paid(), CancellationToken.None);

        Assert.Null(replaced);
        Assert.Equal(OrderState.New, (await inner.FindAsync(created.Order.OutTradeNo, CancellationToken.None))!.Order.State);
    }

    [Fact]
    public async Task A_send_failure_is_transient_and_sends_nothing()
    {
        var inner = new RecordingScheduler();
        var scheduler = new FaultyCloseScheduler(inner, Always(FaultKinds.SchedulerSendFailure));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => scheduler.ScheduleAsync(CloseSchedule.AtDeadline(TestOrders.New()), CancellationToken.None));
        Assert.Empty(inner.Sent);
    }

    [Fact]
    public async Task A_duplicate_is_a_second_copy_under_an_id_duplicate_detection_lets_through()
    {
        var inner = new RecordingScheduler();
        var close = CloseSchedule.AtDeadline(TestOrders.New());

        await new FaultyCloseScheduler(inner, Always(FaultKinds.SchedulerDuplicate)).ScheduleAsync(close, CancellationToken.None);

        Assert.Equal([close.MessageId, $"{close.MessageId}#duplicate"], inner.Sent.Select(sent => sent.MessageId));
        Assert.All(inner.Sent, sent => Assert.Equal(close with { MessageId = sent.MessageId }, sent));
    }

    [Fact]
    public async Task A_delay_delivers_late()
    {
        var inner = new RecordingScheduler();
        var close = CloseSchedule.AtDeadline(TestOrders.New());
        var plan = Always(FaultKinds.SchedulerDelay);

        await new FaultyCloseScheduler(inner, plan).ScheduleAsync(close, CancellationToken.None);

        Assert.Equal(close.DueAt + plan.Options.DeliveryDelay, Assert.Single(inner.Sent).DueAt);
    }

    [Theory]
    [InlineData(FaultKinds.ProviderTimeout)]
    [InlineData(FaultKinds.Provider5xx)]
    public async Task A_provider_timeout_or_5xx_is_a_transient_failure(string kind)
    {
        var provider = new FaultyPaymentProvider(new OutageProvider(TimeProvider.System, "SANDBOX"), Always(kind));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => provider.QueryAsync("T1", CancellationToken.None));
        await Assert.ThrowsAsync<DependencyUnavailableException>(() => provider.CloseAsync("T1", CancellationToken.None));
    }

    [Fact]
    public async Task A_paid_trade_is_first_said_not_to_exist_then_rightly_paid()
    {
        var sandbox = new OutageProvider(TimeProvider.System, "SANDBOX") { PaidOrders = { "T1" } };
        var provider = new FaultyPaymentProvider(sandbox, Always(FaultKinds.ProviderWrongAnswer));

        Assert.Equal(TradeState.NotExist, (await provider.QueryAsync("T1", CancellationToken.None)).State);
        Assert.Equal(TradeState.Paid, (await provider.QueryAsync("T1", CancellationToken.None)).State);
        Assert.Equal(TradeState.AwaitingPayment, (await provider.QueryAsync("T2", CancellationToken.None)).State);
    }

    [Fact]
    public async Task A_publish_failure_is_transient_and_publishes_nothing()
    {
        var inner = new RecordingEventPublisher();
        var publisher = new FaultyEventPublisher(inner, Always(FaultKinds.EventsPublishFailure));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => publisher.PublishAsync(CancelledEvent(), CancellationToken.None));
        Assert.Empty(inner.Published);
    }

    [Fact]
    public async Task A_lost_acknowledgement_publishes_the_event_and_then_fails_transiently()
    {
        var inner = new RecordingEventPublisher();
        var orderEvent = CancelledEvent();
        var publisher = new FaultyEventPublisher(inner, Always(FaultKinds.EventsLostAck));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => publisher.PublishAsync(orderEvent, CancellationToken.None));
        Assert.Equal([orderEvent.Id], inner.PublishedIds);
    }

    private static OrderEvent CancelledEvent() => TestOrders.New().Cancel(TestOrders.Deadline, CloseUnpaidOrder.PaymentTimeoutReason).Events.Single();

    private sealed class RecordingScheduler : ICloseScheduler
    {
        public List<CloseSchedule> Sent { get; } = [];

        public Task<long> ScheduleAsync(CloseSchedule schedule, CancellationToken cancellationToken)
        {
            Sent.Add(schedule);
            return Task.FromResult((long)Sent.Count);
        }

        public Task<bool> CancelAsync(long sequenceNumber, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
