using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Bench;

/// <summary>Counts the closes scheduled and the cancels.</summary>
public sealed class CountingCloseScheduler(ICloseScheduler inner, CallCounts counts) : ICloseScheduler
{
    public Task<long> ScheduleAsync(CloseSchedule schedule, CancellationToken cancellationToken)
    {
        counts.Schedule();
        return inner.ScheduleAsync(schedule, cancellationToken);
    }

    public Task<bool> CancelAsync(long handle, CancellationToken cancellationToken)
    {
        counts.Cancel();
        return inner.CancelAsync(handle, cancellationToken);
    }
}
