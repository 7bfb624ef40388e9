using System.Text.Json;
using Azure.Messaging;
using OrderClose.Functions.Http;
using OrderClose.Orders.Events;

namespace OrderClose.Messaging;

/// <summary>
/// An order event as a CloudEvents 1.0 JSON document (structured mode), through the Azure SDK's <see cref="CloudEvent"/>:
/// <c>id</c> the event's deterministic id, <c>type</c> e.g. <c>orderclose.order.cancelled</c>, <c>subject</c> the
/// outTradeNo, <c>time</c> when it happened, and <c>data</c> the order as <c>GET /api/orders/{outTradeNo}</c> returns it
/// (the HTTP contract's <see cref="OrderResponse"/>, in the web's camelCase JSON), as that transition left it.
/// </summary>
public static class OrderEventEnvelope
{
    /// <summary>The CloudEvents <c>source</c> of every order event.</summary>
    public const string Source = "/orderclose/orders";

    /// <summary>The content type of a CloudEvent in structured mode, as a message or a POST carries it.</summary>
    public const string ContentType = "application/cloudevents+json; charset=utf-8";

    public static CloudEvent ToCloudEvent(OrderEvent orderEvent) =>
        new(Source, orderEvent.Type, BinaryData.FromObjectAsJson(OrderResponse.From(orderEvent.Order), JsonSerializerOptions.Web),
            "application/json", CloudEventDataFormat.Json)
        {
            Id = orderEvent.Id,
            Subject = orderEvent.Order.OutTradeNo,
            Time = orderEvent.OccurredAt,
        };

    /// <summary>The event as the bytes a subscriber receives.</summary>
    public static BinaryData ToJson(OrderEvent orderEvent) => BinaryData.FromObjectAsJson(ToCloudEvent(orderEvent));
}
