using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrderClose.Orders;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Support;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Orders;

/// <summary>
/// A move's event is written with the move, published after it, then marked published. A failure or a stop at any step
/// between the compare-and-set and the mark loses nothing: the event stays in the order, and the sweep publishes it
/// again (same id) once its grace is over; it never republishes one whose mark is stored.
/// </summary>
public sealed class OrderEventOutboxTests : IDisposable
{
    private readonly ClosePipeline _pipeline = new();
    private readonly SweepOptions _options = new();

    public void Dispose() => _pipeline.Dispose();

    public enum Step
    {
        /// <summary>Nothing goes wrong.</summary>
        None,

        /// <summary>The process stops right after the move's compare-and-set, before the publish.</summary>
        StopBeforePublish,

        /// <summary>The topic is down: the publish throws.</summary>
        PublishFails,

        /// <summary>The publish reaches the topic but its answer is lost: it throws.</summary>
        PublishAnswerLost,

        /// <summary>The process stops after the publish reached the topic, before the mark.</summary>
        StopAfterPublish,

        /// <summary>The mark's compare-and-set fails (the store is down).</summary>
        MarkFails,
    }

    [Theory]
    [InlineData(Step.None)]
    [InlineData(Step.StopBeforePublish)]
    [InlineData(Step.PublishFails)]
    [InlineData(Step.PublishAnswerLost)]
    [InlineData(Step.StopAfterPublish)]
    [InlineData(Step.MarkFails)]
    public async Task A_failure_at_any_step_after_the_move_loses_no_event_and_the_sweep_publishes_it_after_its_grace(Step step)
    {
        var number = Assert.Single(await _pipeline.PlaceOrdersAsync(1));
        _pipeline.Clock.Advance(TimeSpan.FromMinutes(2));
        FailAt(step);

        var close = _pipeline.Close.HandleAsync(number, CancellationToken.None);
        if (step is not (Step.StopBeforePublish or Step.StopAfterPublish))
        {
            Assert.Equal(CloseDecision.Cancelled, (await close).Decision);
        }
        // A stopped process never finishes the close: what ran before the stop is all that happened.

        var cancelled = _pipeline.Order(number);
        Assert.Equal(OrderState.Cancelled, cancelled.State);
        var orderEvent = Assert.Single(cancelled.Events);
        Assert.Equal(step == Step.None, orderEvent.IsPublished);

        var beforeGrace = await SweepAsync(after: _options.EventGrace - TimeSpan.FromSeconds(1));
        var afterGrace = await SweepAsync(after: TimeSpan.FromSeconds(2));
        var later = await SweepAsync(after: TimeSpan.FromHours(1));

        Assert.Equal(0, beforeGrace.EventsRepublished);
        Assert.Equal(step == Step.None ? 0 : 1, afterGrace.EventsRepublished);
        Assert.Equal(0, later.EventsRepublished);
        Assert.True(Assert.Single(_pipeline.Order(number).Events).IsPublished);
        var published = _pipeline.Events.PublishedIds;
        Assert.Equal([orderEvent.Id], published.Distinct());
        Assert.Equal(step is Step.PublishAnswerLost or Step.StopAfterPublish or Step.MarkFails ? 2 : 1, published.Count);
    }

    [Fact]
    public async Task A_mark_that_loses_the_race_to_another_write_is_made_on_the_new_version_and_keeps_that_write()
    {
        var number = Assert.Single(await _pipeline.PlaceOrdersAsync(1));
        _pipeline.Clock.Advance(TimeSpan.FromMinutes(2));
        _pipeline.Events.AfterNextPublish(() => _pipeline.Store.BeforeNextReplace(async () =>
        {
            var stored = _pipeline.Store.Peek(number)!;
            await _pipeline.Store.TryReplaceAsync(stored, stored.Order.RecordLatePayment(_pipeline.Clock.GetUtcNow(), LatePaymentPolicy.Refund), CancellationToken.None);
        }));

        await _pipeline.Close.HandleAsync(number, CancellationToken.None);

        var order = _pipeline.Order(number);
        Assert.True(order.RefundRequired);
        Assert.True(Assert.Single(order.Events).IsPublished);
        Assert.Single(_pipeline.Events.PublishedIds);
    }

    [Fact]
    public async Task A_payment_notification_publishes_the_paid_event()
    {
        var number = Assert.Single(await _pipeline.PlaceOrdersAsync(1));

        await _pipeline.Confirm.HandleAsync(new PaymentNotification(number, true, TestOrders.Amount.MinorUnits, ClosePipeline.Start, "P1"), CancellationToken.None);

        var orderEvent = Assert.Single(_pipeline.Events.Published);
        Assert.Equal((OrderEventTypes.Paid, $"{number}:1:paid"), (orderEvent.Type, orderEvent.Id));
        Assert.Equal(OrderState.Paid, orderEvent.Order.State);
        Assert.True(Assert.Single(_pipeline.Order(number).Events).IsPublished);
    }

    [Fact]
    public async Task Two_sweeps_racing_over_one_pending_event_publish_it_under_one_id_and_mark_it_once()
    {
        var number = Assert.Single(await _pipeline.PlaceOrdersAsync(1));
        _pipeline.Clock.Advance(TimeSpan.FromMinutes(2));
        _pipeline.Events.FailNext(new DependencyUnavailableException("topic down"));
        await _pipeline.Close.HandleAsync(number, CancellationToken.None);
        _pipeline.Clock.Advance(_options.EventGrace + TimeSpan.FromSeconds(1));

        var results = await Task.WhenAll(Task.Run(() => Sweep().RunAsync(CancellationToken.None)), Task.Run(() => Sweep().RunAsync(CancellationToken.None)));

        Assert.InRange(results.Sum(r => r.EventsRepublished), 1, 2);
        Assert.Single(_pipeline.Events.PublishedIds.Distinct());
        Assert.True(Assert.Single(_pipeline.Order(number).Events).IsPublished);
    }

    private void FailAt(Step step)
    {
        var events = _pipeline.Events;
        switch (step)
        {
            case Step.StopBeforePublish:
                events.FreezeNext(afterSending: false);
                break;
            case Step.PublishFails:
                events.FailNext(new DependencyUnavailableException("topic down"));
                break;
            case Step.PublishAnswerLost:
                events.FailNextAfterSending(new DependencyUnavailableException("answer lost"));
                break;
            case Step.StopAfterPublish:
                events.FreezeNext(afterSending: true);
                break;
            case Step.MarkFails:
                events.AfterNextPublish(() => _pipeline.Store.FailNext(StoreOperation.Replace, new DependencyUnavailableException("store down")));
                break;
        }
    }

    private async Task<SweepResult> SweepAsync(TimeSpan after)
    {
        _pipeline.Clock.Advance(after);
        return await Sweep().RunAsync(CancellationToken.None);
    }

    private SweepOverdueOrders Sweep() => new(_pipeline.Store, _pipeline.Store, _pipeline.Store, _pipeline.Refunds, _pipeline.Close, _pipeline.Store, _pipeline.Outbox,
        Options.Create(_options), _pipeline.Clock, NullLogger<SweepOverdueOrders>.Instance);
}
