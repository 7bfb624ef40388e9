using Azure.Messaging.ServiceBus;
using OrderClose.Orders;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;

namespace OrderClose.Messaging;

/// <summary>
/// Sends order events to the <c>order-events</c> topic, one message each: the CloudEvent as the body,
/// <c>MessageId</c> = the event id (the topic's duplicate detection drops a repeat), <c>Subject</c> = the event type
/// (subscriptions filter on it without reading the body).
/// </summary>
public sealed class ServiceBusOrderEventPublisher(ServiceBusSender topic) : IOrderEventPublisher
{
    public async Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        var message = new ServiceBusMessage(OrderEventEnvelope.ToJson(orderEvent))
        {
            MessageId = orderEvent.Id,
            Subject = orderEvent.Type,
            ContentType = OrderEventEnvelope.ContentType,
        };
        await ServiceBusCall.RunAsync($"publish event {orderEvent.Id}", () => topic.SendMessageAsync(message, cancellationToken));
    }
}
