using Microsoft.Extensions.Options;
using OrderClose.Orders;

namespace OrderClose.LocalRunner.Sweep;

/// <summary>
/// Runs <see cref="SweepOverdueOrders"/> as it starts and then every <see cref="SweepScheduleOptions.Interval"/>, as the
/// timer function <c>SweepOverdueOrders</c> does in Azure, and adds up what it closed. The run at start stands for the
/// runs missed while the runner was stopped (the Functions timer runs a past-due occurrence at start too); without it,
/// a runner restarted more often than the interval would never sweep, and an order whose close was dead-lettered
/// would stay NEW for good (chaos with <c>--restart-every</c> below the interval). A run that fails, whatever the reason, is
/// logged and counted and the next interval runs again: an exception leaving <see cref="ExecuteAsync"/> would stop
/// the whole runner (the host's <see cref="BackgroundServiceExceptionBehavior.StopHost"/>).
/// </summary>
public sealed class OverdueSweeper(
    IServiceScopeFactory scopes,
    SweepTotals totals,
    TimeProvider clock,
    IOptions<SweepScheduleOptions> options,
    ILogger<OverdueSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        try
        {
            // Off the host's start: the first run must not hold up the other services.
            await Task.Yield();
            do
            {
                await SweepOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<SweepOverdueOrders>().RunAsync(stoppingToken);
            totals.Add(result.Closed);
            if (result.Found > 0 || result.EventsRepublished > 0 || result.RefundsResent > 0)
            {
                logger.LogInformation("Sweep took {Found} overdue orders: {Closed} closed, {Failed} failed; {EventsRepublished} events published again; {RefundsResent} refunds sent again",
                    result.Found, result.Closed, result.Failed, result.EventsRepublished, result.RefundsResent);
            }
        }
        catch (DependencyUnavailableException exception)
        {
            totals.Failed();
            logger.LogWarning(exception, "Sweep could not read the overdue orders; the next run tries again");
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            totals.Failed();
            logger.LogError(exception, "Sweep failed unexpectedly; the next run tries again");
        }
    }
}
