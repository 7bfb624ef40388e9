using Microsoft.Extensions.Logging;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;

namespace OrderClose.Orders;

/// <summary>
/// Refunds the late payment of an order whose refund is PENDING, and decides what becomes of the message that asked:
/// complete when the refund is recorded (or there is nothing to refund), looked at again later while the provider is
/// still processing it, abandoned or retried later (<see cref="CloseRetryPolicy"/>, the close's policy) after a failure
/// that may pass, and dead-lettered with a reason when the provider refuses for good or the retries are spent: the
/// refund is then FAILED, for a person, never retried silently. The provider's refund is idempotent per order, so
/// duplicate deliveries and a sweep's resend refund once; the outcome is stored by a compare-and-set from PENDING, with
/// its event, so it is recorded once.
/// </summary>
public sealed class RefundLatePayment(
    IOrderStore store,
    IPaymentProviderPicker providers,
    IRefundScheduler scheduler,
    CloseRetryPolicy retryPolicy,
    OrderEventOutbox outbox,
    TimeProvider clock,
    OrderMetrics metrics,
    ILogger<RefundLatePayment> logger)
{
    /// <summary>How many times a lost compare-and-set of the outcome is retried on a fresh read.</summary>
    private const int MaxRecordAttempts = 3;

    public async Task<Settlement> HandleAsync(DueRefund due, CancellationToken cancellationToken)
    {
        try
        {
            return await RefundAsync(due, cancellationToken);
        }
        catch (DependencyUnavailableException exception)
        {
            return await BackOffAsync(due, exception, cancellationToken);
        }
    }

    private async Task<Settlement> RefundAsync(DueRefund due, CancellationToken cancellationToken)
    {
        var stored = await store.FindAsync(due.OutTradeNo, cancellationToken);
        if (stored?.Order.Refund is not { IsPending: true } refund)
        {
            logger.LogInformation("Refund of {OutTradeNo} on delivery {DeliveryCount}: nothing to do, the refund is {RefundStatus}",
                due.OutTradeNo, due.DeliveryCount, stored is null ? "of an unknown order" : stored.Order.Refund?.Status.ToString() ?? "none");
            return Settlement.Complete;
        }
        var order = stored.Order;
        if (providers.Find(order.PayType) is not { } provider)
        {
            return await FailAsync(stored, "UnknownPayType", $"No payment provider serves pay type '{order.PayType}'.", cancellationToken);
        }

        RefundOutcome outcome;
        try
        {
            outcome = await provider.RefundAsync(new RefundRequest(order.OutTradeNo, refund.Amount), cancellationToken);
        }
        catch (PaymentProviderRejectedException exception)
        {
            outcome = RefundOutcome.Refused(exception.Message);
        }

        switch (outcome.Result)
        {
            case RefundResult.Succeeded:
                var completedAt = outcome.CompletedAt ?? clock.GetUtcNow();
                if (await RecordAsync(stored, current => current.CompleteRefund(outcome.ProviderRefundNo, completedAt), cancellationToken))
                {
                    metrics.Refund(order.PayType, "succeeded");
                    logger.LogInformation("Late payment of {OutTradeNo} refunded at {CompletedAt:o} ({ProviderRefundNo})",
                        order.OutTradeNo, completedAt, outcome.ProviderRefundNo);
                }
                return Settlement.Complete;
            case RefundResult.Processing:
                return await LookAgainAsync(due, cancellationToken);
            default:
                return await FailAsync(stored, "RefundRefused", outcome.Reason ?? "The provider refused the refund.", cancellationToken);
        }
    }

    /// <summary>The provider is still making the refund: ask again shortly, within the same attempt budget as failures.</summary>
    private async Task<Settlement> LookAgainAsync(DueRefund due, CancellationToken cancellationToken)
    {
        var recheck = retryPolicy.DecideRecheck(due.Attempt);
        if (recheck.Action == CloseRetryAction.GiveUp)
        {
            return await GiveUpAsync(due, "RefundStillProcessing",
                $"The provider was still processing the refund of {due.OutTradeNo} after {due.Attempt + 1} looks.", cancellationToken);
        }
        await scheduler.ScheduleAsync(RefundSchedule.Retry(due.OutTradeNo, recheck.Attempt, recheck.DueAt), cancellationToken);
        logger.LogInformation("Refund of {OutTradeNo} is processing at the provider; looking again at {DueAt:o} as attempt {NextAttempt}",
            due.OutTradeNo, recheck.DueAt, recheck.Attempt);
        return Settlement.Complete;
    }

    private Task<Settlement> BackOffAsync(DueRefund due, DependencyUnavailableException failure, CancellationToken cancellationToken) =>
        TransientFailureBackoff.DecideAsync(retryPolicy, logger,
            new QueuedWork("Refund", due.OutTradeNo, due.Attempt, due.DeliveryCount), failure,
            retry => scheduler.ScheduleAsync(RefundSchedule.Retry(due.OutTradeNo, retry.Attempt, retry.DueAt), cancellationToken),
            (reason, description) => GiveUpAsync(due, reason, description, cancellationToken));

    /// <summary>
    /// The retries are spent: the refund is FAILED, for a person, and the message dead-lettered. When even that cannot be
    /// stored, the refund stays PENDING and the sweep sends it again later.
    /// </summary>
    private async Task<Settlement> GiveUpAsync(DueRefund due, string reason, string description, CancellationToken cancellationToken)
    {
        try
        {
            if (await store.FindAsync(due.OutTradeNo, cancellationToken) is { Order.Refund.IsPending: true } stored)
            {
                return await FailAsync(stored, reason, description, cancellationToken);
            }
        }
        catch (DependencyUnavailableException exception)
        {
            logger.LogWarning(exception, "Refund of {OutTradeNo} gave up but could not be marked FAILED; the sweep sends it again", due.OutTradeNo);
        }
        return Settlement.DeadLetter(reason, description);
    }

    private async Task<Settlement> FailAsync(StoredOrder stored, string reason, string description, CancellationToken cancellationToken)
    {
        if (await RecordAsync(stored, current => current.FailRefund(clock.GetUtcNow()), cancellationToken))
        {
            metrics.Refund(stored.Order.PayType, "failed");
            logger.LogError("Refund of {OutTradeNo} FAILED: {Reason}: {Description}", stored.Order.OutTradeNo, reason, description);
        }
        return Settlement.DeadLetter(reason, description);
    }

    /// <summary>
    /// Stores <paramref name="move"/> of the refund from PENDING, with its event, and publishes the event. A lost race
    /// re-reads; false when the refund is no longer PENDING (another delivery recorded it).
    /// </summary>
    private async Task<bool> RecordAsync(StoredOrder stored, Func<Order, Order> move, CancellationToken cancellationToken)
    {
        var current = stored;
        for (var attempt = 1; attempt <= MaxRecordAttempts; attempt++)
        {
            if (await store.TryReplaceAsync(current, move(current.Order), cancellationToken) is { } replaced)
            {
                await outbox.PublishPendingAsync(replaced, cancellationToken);
                return true;
            }
            if (await store.FindAsync(stored.Order.OutTradeNo, cancellationToken) is not { Order.Refund.IsPending: true } reread)
            {
                return false;
            }
            current = reread;
        }
        throw new DependencyUnavailableException($"Order {stored.Order.OutTradeNo} kept changing while its refund was recorded; try again.");
    }
}
