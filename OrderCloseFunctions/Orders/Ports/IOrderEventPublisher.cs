using OrderClose.Orders.Events;

namespace OrderClose.Orders.Ports;

/// <summary>
/// Sends order events to whoever subscribes (a Service Bus topic; the runner's local topic). At least once: the same
/// event may be sent again, under the same id, which the topic and its subscribers treat as a duplicate.
/// Throws <see cref="DependencyUnavailableException"/> for failures that may pass.
/// </summary>
public interface IOrderEventPublisher
{
    Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken);
}
