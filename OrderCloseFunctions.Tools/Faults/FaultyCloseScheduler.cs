using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Faults;

/// <summary>
/// The close scheduler with faults: sends that fail, messages delivered twice (a second copy under an id of its own,
/// which duplicate detection lets through), and messages delivered late.
/// </summary>
public sealed class FaultyCloseScheduler(ICloseScheduler inner, FaultPlan plan) : ICloseScheduler
{
    public async Task<long> ScheduleAsync(CloseSchedule schedule, CancellationToken cancellationToken)
    {
        if (plan.Strikes(FaultKinds.SchedulerSendFailure, schedule.OutTradeNo))
        {
            throw new DependencyUnavailableException($"Injected fault: the close of {schedule.OutTradeNo} could not be sent.");
        }
        if (plan.Strikes(FaultKinds.SchedulerDelay, schedule.OutTradeNo))
        {
            schedule = schedule with { DueAt = schedule.DueAt + plan.Options.DeliveryDelay };
        }
        var sequenceNumber = await inner.ScheduleAsync(schedule, cancellationToken);
        if (plan.Strikes(FaultKinds.SchedulerDuplicate, schedule.OutTradeNo))
        {
            await inner.ScheduleAsync(schedule with { MessageId = $"{schedule.MessageId}#duplicate" }, cancellationToken);
        }
        return sequenceNumber;
    }

    public Task<bool> CancelAsync(long sequenceNumber, CancellationToken cancellationToken) => inner.CancelAsync(sequenceNumber, cancellationToken);
}
