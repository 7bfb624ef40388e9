using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Chaos;

/// <summary>Counts the closes the app scheduled again with backoff (attempt 1 and on) that were sent.</summary>
public sealed class CountingRescheduler(ICloseScheduler inner, ChaosCounts counts) : ICloseScheduler
{
    public async Task<long> ScheduleAsync(CloseSchedule schedule, CancellationToken cancellationToken)
    {
        var sequenceNumber = await inner.ScheduleAsync(schedule, cancellationToken);
        if (schedule.Attempt > 0)
        {
            counts.Rescheduled();
        }
        return sequenceNumber;
    }

    public Task<bool> CancelAsync(long sequenceNumber, CancellationToken cancellationToken) => inner.CancelAsync(sequenceNumber, cancellationToken);
}
