using Azure.Messaging;
using Azure.Messaging.ServiceBus;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Messaging;
using OrderClose.Orders;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.Messaging;

/// <summary>An order event on the topic: one CloudEvents 1.0 JSON message, with what subscriptions filter on outside the body.</summary>
public sealed class ServiceBusOrderEventPublisherTests
{
    private readonly ServiceBusSender _topic = Substitute.For<ServiceBusSender>();
    private ServiceBusMessage? _sent;

    public ServiceBusOrderEventPublisherTests() =>
        _topic.SendMessageAsync(Arg.Do<ServiceBusMessage>(m => _sent = m), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);

    [Fact]
    public async Task The_message_id_is_the_event_id_the_subject_its_type_and_the_body_a_structured_cloud_event()
    {
        var cancelled = TestOrders.Cancelled();
        var orderEvent = cancelled.Events[0];

        await new ServiceBusOrderEventPublisher(_topic).PublishAsync(orderEvent, CancellationToken.None);

        Assert.Equal($"{TestOrders.Number}:1:cancelled", _sent!.MessageId);
        Assert.Equal("orderclose.order.cancelled", _sent.Subject);
        Assert.Equal("application/cloudevents+json; charset=utf-8", _sent.ContentType);
        var cloudEvent = CloudEvent.Parse(_sent.Body, skipValidation: false)!;
        Assert.Equal(orderEvent.Id, cloudEvent.Id);
        Assert.Equal("orderclose.order.cancelled", cloudEvent.Type);
        Assert.Equal(TestOrders.Number, cloudEvent.Subject);
        Assert.Equal(OrderEventEnvelope.Source, cloudEvent.Source);
        Assert.Equal(TestOrders.Deadline, cloudEvent.Time);
        Assert.Equal("application/json", cloudEvent.DataContentType);
    }

    [Fact]
    public async Task The_body_is_cloud_events_1_0_json_with_the_order_as_GET_shows_it_inline()
    {
        var paid = TestOrders.Paid();

        await new ServiceBusOrderEventPublisher(_topic).PublishAsync(paid.Events[0], CancellationToken.None);

        using var json = System.Text.Json.JsonDocument.Parse(_sent!.Body.ToString());
        var root = json.RootElement;
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.False(root.TryGetProperty("data_base64", out _));
        var data = root.GetProperty("data");
        Assert.Equal(TestOrders.Number, data.GetProperty("outTradeNo").GetString());
        Assert.Equal("PAID", data.GetProperty("state").GetString());
        Assert.Equal(1999, data.GetProperty("amount").GetInt64());
        Assert.Equal("2025-03-01T10:07:00Z", data.GetProperty("paidAt").GetString());
        Assert.False(data.TryGetProperty("events", out _));
    }

    [Fact]
    public async Task A_send_that_may_pass_is_a_dependency_unavailable_failure()
    {
        _topic.SendMessageAsync(Arg.Any<ServiceBusMessage>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() =>
            new ServiceBusOrderEventPublisher(_topic).PublishAsync(TestOrders.Paid().Events[0], CancellationToken.None));
    }
}
