using OrderClose.Orders;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Functions;

/// <summary>
/// A queue whose clock runs ahead of the app's delivers every close early by the app's clock. Each early close is
/// sent again past the deadline as the queue sees it, under an id of its own, so none is dropped as a duplicate and
/// every order is still closed, after one early delivery.
/// </summary>
public sealed class EarlyCloseTests
{
    [Theory]
    [InlineData(0.2)]
    [InlineData(3)]
    [InlineData(45)]
    public async Task When_the_queue_clock_runs_ahead_every_order_is_still_closed_once_after_one_early_delivery(double leadSeconds)
    {
        using var pipeline = new ClosePipeline();
        pipeline.Queue.ClockLead = TimeSpan.FromSeconds(leadSeconds);
        var numbers = await pipeline.PlaceOrdersAsync(5);

        await pipeline.RunQueueUntilAsync(ClosePipeline.Start.AddHours(1));

        Assert.All(numbers, number => Assert.Equal(OrderState.Cancelled, pipeline.Order(number).State));
        Assert.All(numbers, number => Assert.True(pipeline.Order(number).ClosedAt >= pipeline.Order(number).PayDeadline));
        Assert.Empty(pipeline.Queue.DeadLetters);
        Assert.Equal(0, pipeline.Queue.PendingCount);
        Assert.Equal(2 * numbers.Length, pipeline.Queue.Deliveries);
    }
}
