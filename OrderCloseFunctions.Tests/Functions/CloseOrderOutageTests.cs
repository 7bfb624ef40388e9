using OrderClose.Orders;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Functions;

/// <summary>
/// The promise under a provider outage, on the simulated queue: every order that falls due while the provider is down
/// is closed correctly once it is back, and nothing is dead-lettered; an outage that never ends dead-letters each
/// close after a bounded time and a bounded number of deliveries, leaving the order NEW for the sweeper.
/// </summary>
public sealed class CloseOrderOutageTests
{
    private static readonly DateTimeOffset Start = ClosePipeline.Start;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public async Task A_30_minute_outage_ends_with_every_due_order_closed_correctly_and_no_dead_letters(double jitter)
    {
        using var pipeline = new ClosePipeline(jitter);
        var numbers = await pipeline.PlaceOrdersAsync(40);
        var paid = numbers.Where((_, i) => i % 4 == 0).ToHashSet();
        pipeline.Provider.PaidOrders.UnionWith(paid);
        pipeline.Provider.DownFrom = Start.AddMinutes(5);
        pipeline.Provider.DownUntil = Start.AddMinutes(35);

        await pipeline.RunQueueUntilAsync(Start.AddHours(8));

        Assert.Empty(pipeline.Queue.DeadLetters);
        Assert.Equal(0, pipeline.Queue.PendingCount);
        Assert.True(pipeline.Provider.FailedCalls > 0);
        Assert.All(numbers, number => Assert.Equal(paid.Contains(number) ? OrderState.Paid : OrderState.Cancelled, pipeline.Order(number).State));
        Assert.Equal(numbers.Length, pipeline.Store.MoveCount);
        var dueInOutage = numbers.Select(pipeline.Order).Where(o => o.State == OrderState.Cancelled && o.PayDeadline >= pipeline.Provider.DownFrom && o.PayDeadline < pipeline.Provider.DownUntil);
        Assert.All(dueInOutage, order => Assert.InRange(order.ClosedAt!.Value, pipeline.Provider.DownUntil, pipeline.Provider.DownUntil.AddMinutes(30)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public async Task An_outage_that_never_ends_dead_letters_each_close_as_retries_exhausted_within_max_total(double jitter)
    {
        using var pipeline = new ClosePipeline(jitter);
        var numbers = await pipeline.PlaceOrdersAsync(3);
        pipeline.Provider.DownUntil = DateTimeOffset.MaxValue;

        await pipeline.RunQueueUntilAsync(Start.AddDays(2));

        Assert.Equal(numbers.Length, pipeline.Queue.DeadLetters.Count);
        Assert.All(pipeline.Queue.DeadLetters, deadLetter => Assert.Equal("RetriesExhausted", deadLetter.Reason));
        Assert.All(numbers, number =>
        {
            var order = pipeline.Order(number);
            Assert.Equal(OrderState.New, order.State);
            var givenUpAt = Assert.Single(pipeline.Queue.DeadLetters, d => d.MessageId.StartsWith(number + "#", StringComparison.Ordinal)).At;
            Assert.InRange(givenUpAt - order.PayDeadline, pipeline.RetryPolicy.TotalDelayCeiling / 2, pipeline.RetryOptions.MaxTotal);
        });
        var deliveriesPerClose = (pipeline.RetryPolicy.MaxAttempts + 1) * (pipeline.RetryOptions.ImmediateDeliveries + 1);
        Assert.Equal(numbers.Length * deliveriesPerClose, pipeline.Queue.Deliveries);
    }

    [Fact]
    public async Task Without_backoff_the_same_outage_would_dead_letter_the_orders_due_in_it()
    {
        // The queue's own redelivery alone: every delivery abandons, as CloseOrder did before the backoff.
        using var pipeline = new ClosePipeline();
        pipeline.RetryOptions.ImmediateDeliveries = CloseRetryOptions.MaxImmediateDeliveries + 1;
        var numbers = await pipeline.PlaceOrdersAsync(10);
        pipeline.Provider.DownFrom = Start.AddMinutes(5);
        pipeline.Provider.DownUntil = Start.AddMinutes(35);

        await pipeline.RunQueueUntilAsync(Start.AddHours(8));

        Assert.Equal(6, pipeline.Queue.DeadLetters.Count(d => d.Reason == "MaxDeliveryCountExceeded"));
        Assert.Equal(6, numbers.Count(n => pipeline.Order(n).State == OrderState.New));
    }
}
