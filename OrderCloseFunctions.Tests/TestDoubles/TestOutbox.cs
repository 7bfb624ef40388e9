using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrderClose.Orders;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.TestDoubles;

/// <summary>An <see cref="OrderEventOutbox"/> for use cases under test, with its own metrics and no logs.</summary>
public static class TestOutbox
{
    public static OrderEventOutbox Over(IOrderStore store, IOrderEventPublisher publisher, TimeProvider clock, OrderMetrics? metrics = null) =>
        new(store, publisher, clock,
            metrics ?? new OrderMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            NullLogger<OrderEventOutbox>.Instance);
}
