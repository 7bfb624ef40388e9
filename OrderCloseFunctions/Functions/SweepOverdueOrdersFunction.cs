using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using OrderClose.Orders;

namespace OrderClose.Functions;

/// <summary>
/// The reconciliation sweep on a timer (app setting <c>SweepSchedule</c>, an NCRONTAB expression). The host runs a
/// timer function on one instance at a time; a sweep racing a close message is safe anyway (compare-and-set).
/// </summary>
public sealed class SweepOverdueOrdersFunction(SweepOverdueOrders sweep, ILogger<SweepOverdueOrdersFunction> logger)
{
    public const string ScheduleSetting = "SweepSchedule";

    [Function("SweepOverdueOrders")]
    public async Task RunAsync([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        try
        {
            var result = await sweep.RunAsync(cancellationToken);
            logger.LogInformation("Sweep took {Found} overdue orders: {Closed} closed, {Failed} failed; {EventsRepublished} events published again; {RefundsResent} refunds sent again",
                result.Found, result.Closed, result.Failed, result.EventsRepublished, result.RefundsResent);
        }
        catch (DependencyUnavailableException exception)
        {
            logger.LogWarning(exception, "Sweep could not read the overdue orders; the next run tries again");
        }
    }
}
