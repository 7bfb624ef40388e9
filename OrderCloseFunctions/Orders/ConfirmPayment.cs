using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;

namespace OrderClose.Orders;

public enum ConfirmPaymentStatus
{
    /// <summary>NEW moved to PAID now.</summary>
    Paid,

    /// <summary>A replay: the order was already PAID.</summary>
    AlreadyPaid,

    /// <summary>The order had been cancelled: it is now flagged as needing a refund, and its refund is started (or left to a person).</summary>
    RefundRequired,

    /// <summary>The callback reports no payment (e.g. a trade closed or still waiting): nothing to do.</summary>
    NotAPayment,

    UnknownOrder,

    /// <summary>The provider reports another amount than the order's: not accepted as its payment.</summary>
    AmountMismatch,
}

/// <summary>Records a payment that a provider's authentic callback reports.</summary>
public sealed class ConfirmPayment(
    IOrderStore store,
    ICloseScheduler scheduler,
    IRefundScheduler refunds,
    OrderEventOutbox outbox,
    IOptions<OrderOptions> options,
    TimeProvider clock,
    OrderMetrics metrics,
    ILogger<ConfirmPayment> logger)
{
    /// <summary>How many times a lost compare-and-set is retried before giving up as transient.</summary>
    private const int MaxAttempts = 3;

    public async Task<ConfirmPaymentStatus> HandleAsync(PaymentNotification notification, CancellationToken cancellationToken)
    {
        if (!notification.Paid)
        {
            return ConfirmPaymentStatus.NotAPayment;
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await store.FindAsync(notification.OutTradeNo, cancellationToken);
            if (stored is null)
            {
                logger.LogError("Payment notification for unknown order {OutTradeNo} (provider trade {ProviderTradeNo})",
                    notification.OutTradeNo, notification.ProviderTradeNo);
                return ConfirmPaymentStatus.UnknownOrder;
            }

            var order = stored.Order;
            if (notification.AmountMinorUnits is { } paid && paid != order.Amount.MinorUnits)
            {
                logger.LogError("Payment notification for {OutTradeNo} reports {PaidAmount} but the order is for {OrderAmount} {Currency}",
                    order.OutTradeNo, paid, order.Amount.MinorUnits, order.Amount.Currency);
                return ConfirmPaymentStatus.AmountMismatch;
            }

            switch (order.State)
            {
                case OrderState.Paid:
                    return ConfirmPaymentStatus.AlreadyPaid;

                case OrderState.Cancelled when order.RefundRequired:
                    return ConfirmPaymentStatus.RefundRequired;

                case OrderState.Cancelled:
                    var late = order.RecordLatePayment(clock.GetUtcNow(), options.Value.LatePayments);
                    if (await store.TryReplaceAsync(stored, late, cancellationToken) is null)
                    {
                        continue;
                    }
                    metrics.LatePayment(order.PayType);
                    if (late.Refund!.Status == RefundStatus.Manual)
                    {
                        metrics.Refund(order.PayType, "manual");
                    }
                    logger.LogWarning("Order {OutTradeNo} was paid after it was cancelled at {ClosedAt:o}: refund {RefundStatus} (provider trade {ProviderTradeNo})",
                        order.OutTradeNo, order.ClosedAt, late.Refund.Status, notification.ProviderTradeNo);
                    if (late.Refund.IsPending)
                    {
                        await RequestRefundAsync(late);
                    }
                    return ConfirmPaymentStatus.RefundRequired;

                default:
                    var paidOrder = order.MarkPaid(notification.PaidAt ?? clock.GetUtcNow());
                    if (await store.TryReplaceAsync(stored, paidOrder, cancellationToken) is not { } storedPaid)
                    {
                        continue;
                    }
                    await outbox.PublishPendingAsync(storedPaid, cancellationToken);
                    metrics.Paid(order.PayType, PaymentSource.Notification);
                    logger.LogInformation("Order {OutTradeNo} paid at {PaidAt:o}", order.OutTradeNo, paidOrder.PaidAt);
                    await CancelScheduledCloseAsync(paidOrder);
                    return ConfirmPaymentStatus.Paid;
            }
        }

        throw new DependencyUnavailableException($"Order {notification.OutTradeNo} kept changing under the payment; try again.");
    }

    /// <summary>
    /// Best effort, like the cancel below: the refund is PENDING in the order already, and the sweep sends the request
    /// again for a refund that made no progress (<see cref="SweepOptions.RefundGrace"/>). So a failure is logged, not thrown:
    /// the payment is recorded, and the provider must not send its callback again for it.
    /// </summary>
    private async Task RequestRefundAsync(Order order)
    {
        try
        {
            await refunds.ScheduleAsync(RefundSchedule.First(order.OutTradeNo, clock.GetUtcNow()), CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not request the refund of {OutTradeNo}; the sweep requests it again", order.OutTradeNo);
        }
    }

    /// <summary>
    /// Best effort: a close that still fires finds the order PAID and does nothing. Cancelling after the
    /// message was activated fails, which is fine for the same reason. Any failure is swallowed, a
    /// cancellation too: the cancel runs without the caller's token, so one can only be a timeout inside
    /// the scheduler, and the order is PAID whatever it says.
    /// </summary>
    private async Task CancelScheduledCloseAsync(Order order)
    {
        if (order.ScheduledCloseHandle is not { } handle)
        {
            return;
        }
        try
        {
            var cancelled = await scheduler.CancelAsync(handle, CancellationToken.None);
            logger.LogInformation("Scheduled close #{SequenceNumber} of {OutTradeNo} {Outcome}",
                handle, order.OutTradeNo, cancelled ? "cancelled" : "was no longer scheduled");
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not cancel scheduled close #{SequenceNumber} of {OutTradeNo}; it will find the order paid",
                handle, order.OutTradeNo);
        }
    }
}
