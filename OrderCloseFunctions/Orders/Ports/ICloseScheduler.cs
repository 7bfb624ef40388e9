namespace OrderClose.Orders.Ports;

/// <summary>Delivers a close request to <see cref="CloseUnpaidOrder"/> at a given time.</summary>
public interface ICloseScheduler
{
    /// <summary>Schedules the close and returns its sequence number, the handle to cancel it.</summary>
    Task<long> ScheduleAsync(CloseSchedule schedule, CancellationToken cancellationToken);

    /// <summary>Cancels a scheduled close; false when it is no longer scheduled (already delivered or cancelled).</summary>
    Task<bool> CancelAsync(long sequenceNumber, CancellationToken cancellationToken);
}
