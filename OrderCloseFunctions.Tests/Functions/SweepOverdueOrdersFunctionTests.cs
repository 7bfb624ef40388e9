using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrderClose.Functions;
using OrderClose.Orders;
using OrderClose.Tests.Support;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Functions;

public sealed class SweepOverdueOrdersFunctionTests : IDisposable
{
    private readonly ClosePipeline _pipeline = new();
    private readonly FakeLogger<SweepOverdueOrdersFunction> _logger = new();

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task A_run_closes_the_overdue_orders_and_logs_the_counts()
    {
        var number = Assert.Single(await _pipeline.PlaceOrdersAsync(1));
        _pipeline.Clock.Advance(TimeSpan.FromDays(1));

        await Function().RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.Equal(OrderState.Cancelled, _pipeline.Order(number).State);
        Assert.Contains("1 closed", _logger.LatestRecord.Message);
    }

    [Fact]
    public async Task A_store_that_cannot_be_queried_ends_the_run_with_a_warning_for_the_next_one()
    {
        _pipeline.Store.FailNext(StoreOperation.FindOverdue, new DependencyUnavailableException("503"));

        await Function().RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.Equal(LogLevel.Warning, _logger.LatestRecord.Level);
    }

    private SweepOverdueOrdersFunction Function() => new(
        new SweepOverdueOrders(_pipeline.Store, _pipeline.Store, _pipeline.Store, _pipeline.Refunds, _pipeline.Close, _pipeline.Store, _pipeline.Outbox, Options.Create(new SweepOptions()), _pipeline.Clock, NullLogger<SweepOverdueOrders>.Instance),
        _logger);
}
