using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderClose.Orders.Ports;

namespace OrderClose.Orders;

/// <summary>A validated request to place an order. <paramref name="PaymentTimeout"/> null means the configured default.</summary>
public sealed record PlaceOrderCommand(string OutTradeNo, Money Amount, string PayType, string? Subject, TimeSpan? PaymentTimeout);

public enum PlaceOrderStatus
{
    Created,

    /// <summary>The same request was made before: nothing new happened.</summary>
    AlreadyPlaced,

    /// <summary>Another order already has this number.</summary>
    NumberTaken,
}

public sealed record PlaceOrderResult(PlaceOrderStatus Status, Order Order);

/// <summary>
/// Places an order: schedules its close first, then stores it. A failure between the two leaves a close
/// message for an order that does not exist, which the close completes as a no-op; the reverse order
/// could leave a NEW order that nothing ever closes. Store and scheduler failures propagate, so the client
/// retries, and the retry converges.
/// </summary>
public sealed class PlaceOrder(
    IOrderStore store,
    ICloseScheduler scheduler,
    IOptions<OrderOptions> options,
    TimeProvider clock,
    OrderMetrics metrics,
    ILogger<PlaceOrder> logger)
{
    public async Task<PlaceOrderResult> HandleAsync(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        var timeout = command.PaymentTimeout ?? options.Value.DefaultPaymentTimeout;

        var existing = await store.FindAsync(command.OutTradeNo, cancellationToken);
        if (existing is not null)
        {
            return Compare(existing.Order, command, timeout);
        }

        var order = Order.Place(command, clock.GetUtcNow(), timeout);
        var handle = await scheduler.ScheduleAsync(CloseSchedule.AtDeadline(order), cancellationToken);
        order = order with { ScheduledCloseHandle = handle };

        var created = await store.TryCreateAsync(order, cancellationToken);
        if (created is null)
        {
            // Another request created it between our read and our write.
            var winner = await store.FindAsync(command.OutTradeNo, cancellationToken)
                ?? throw new DependencyUnavailableException($"Order {command.OutTradeNo} exists but could not be read back.");
            return Compare(winner.Order, command, timeout);
        }

        metrics.Created(order.PayType);
        logger.LogInformation(
            "Order {OutTradeNo} placed: {Amount} {Currency} by {PayType}, close scheduled at {PayDeadline:o} as #{SequenceNumber}",
            order.OutTradeNo, order.Amount.MinorUnits, order.Amount.Currency, order.PayType, order.PayDeadline, handle);
        return new PlaceOrderResult(PlaceOrderStatus.Created, created.Order);
    }

    private static PlaceOrderResult Compare(Order existing, PlaceOrderCommand command, TimeSpan timeout) =>
        new(existing.IsPlacedBy(command, timeout) ? PlaceOrderStatus.AlreadyPlaced : PlaceOrderStatus.NumberTaken, existing);
}
