namespace OrderClose.Orders.Ports;

/// <summary>
/// Delivers a refund request to the refund use case, at once or at a given time (a retry). At least once: the same
/// request may be delivered twice, which the use case and the provider's idempotent refund absorb. Throws
/// <see cref="DependencyUnavailableException"/> for failures that may pass.
/// </summary>
public interface IRefundScheduler
{
    Task ScheduleAsync(RefundSchedule schedule, CancellationToken cancellationToken);
}
