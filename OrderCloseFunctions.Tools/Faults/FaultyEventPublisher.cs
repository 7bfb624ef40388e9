using OrderClose.Orders;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Faults;

/// <summary>
/// The order event publisher with faults, on the outbox's publish step after the compare-and-set: a publish that fails
/// and sends nothing, and one that reaches the topic but whose answer is lost. Either way the event stays unpublished
/// in the order, for the sweep to publish again; after a lost answer that second publish is a duplicate the topic drops.
/// </summary>
public sealed class FaultyEventPublisher(IOrderEventPublisher inner, FaultPlan plan) : IOrderEventPublisher
{
    public async Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        if (plan.Strikes(FaultKinds.EventsPublishFailure, orderEvent.Id))
        {
            throw new DependencyUnavailableException($"Injected fault: event {orderEvent.Id} could not be published.");
        }
        await inner.PublishAsync(orderEvent, cancellationToken);
        if (plan.Strikes(FaultKinds.EventsLostAck, orderEvent.Id))
        {
            throw new DependencyUnavailableException($"Injected fault: event {orderEvent.Id} was published but its answer was lost.");
        }
    }
}
