namespace OrderClose.Orders.Ports;

/// <summary>Delivers a close request to <see cref="CloseUnpaidOrder"/> at a given time.</summary>
public interface ICloseScheduler
{
    /// <summary>Schedules the close and returns the handle to cancel it with (for Service Bus, the message's sequence number).</summary>
    Task<long> ScheduleAsync(CloseSchedule schedule, CancellationToken cancellationToken);

    /// <summary>Cancels a scheduled close; false when it is no longer scheduled (already delivered or cancelled).</summary>
    Task<bool> CancelAsync(long handle, CancellationToken cancellationToken);
}
