using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Bench;

/// <summary>Counts the order events sent.</summary>
public sealed class CountingEventPublisher(IOrderEventPublisher inner, CallCounts counts) : IOrderEventPublisher
{
    public Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        counts.Publish();
        return inner.PublishAsync(orderEvent, cancellationToken);
    }
}
