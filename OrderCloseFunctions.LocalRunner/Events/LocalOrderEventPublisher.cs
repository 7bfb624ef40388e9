using OrderClose.Messaging;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Events;

/// <summary>Publishes order events to the runner's local topic, as the same CloudEvent JSON the Service Bus topic carries.</summary>
public sealed class LocalOrderEventPublisher(SqliteEventTopic topic, TimeProvider clock) : IOrderEventPublisher
{
    public Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken) =>
        topic.AppendAsync(orderEvent.Id, orderEvent.Type, orderEvent.Order.OutTradeNo, OrderEventEnvelope.ToJson(orderEvent).ToString(), clock.GetUtcNow());
}
