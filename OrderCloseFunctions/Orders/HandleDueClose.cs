using Microsoft.Extensions.Logging;
using OrderClose.Orders.Ports;

namespace OrderClose.Orders;

/// <summary>
/// Runs a delivered close (<see cref="CloseUnpaidOrder"/>) and decides what becomes of its message: complete when there
/// is nothing (more) to do, a close that came early sent again for the deadline, a buyer who is paying looked at again
/// shortly, a failure that may pass abandoned or retried later (<see cref="CloseRetryPolicy"/>), and a dead letter with
/// a reason when the close can never succeed or its retries are spent.
/// </summary>
public sealed class HandleDueClose(
    CloseUnpaidOrder closeUnpaidOrder,
    ICloseScheduler scheduler,
    CloseRetryPolicy retryPolicy,
    ILogger<HandleDueClose> logger)
{
    public async Task<Settlement> HandleAsync(DueClose close, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await closeUnpaidOrder.HandleAsync(close.OutTradeNo, cancellationToken);
            LogOutcome(close, outcome);
            switch (outcome.Decision)
            {
                case CloseDecision.NotDue:
                    await scheduler.ScheduleAsync(
                        CloseSchedule.Resent(outcome.Order!, close.QueueMessageNumber, close.QueueClockLead), cancellationToken);
                    return Settlement.Complete;
                case CloseDecision.UnknownPayType:
                    return Settlement.DeadLetter("UnknownPayType", $"No payment provider serves pay type '{outcome.Order!.PayType}'.");
                case CloseDecision.BuyerPaying:
                    return await RecheckAsync(close, cancellationToken);
                default:
                    return Settlement.Complete;
            }
        }
        catch (DependencyUnavailableException exception)
        {
            return await BackOffAsync(close, exception, cancellationToken);
        }
        catch (PaymentProviderRejectedException exception)
        {
            return Settlement.DeadLetter("ProviderRejected", exception.Message);
        }
    }

    private Task<Settlement> BackOffAsync(DueClose close, DependencyUnavailableException failure, CancellationToken cancellationToken) =>
        TransientFailureBackoff.DecideAsync(retryPolicy, logger,
            new QueuedWork("Close", close.OutTradeNo, close.Attempt, close.DeliveryCount), failure,
            retry => scheduler.ScheduleAsync(CloseSchedule.Retry(close.OutTradeNo, close.PayDeadline, retry.Attempt, retry.DueAt), cancellationToken),
            (reason, description) => Task.FromResult(Settlement.DeadLetter(reason, description)));

    /// <summary>Looks at the order again shortly rather than close the trade under a buyer who is paying.</summary>
    private async Task<Settlement> RecheckAsync(DueClose close, CancellationToken cancellationToken)
    {
        var recheck = retryPolicy.DecideRecheck(close.Attempt);
        if (recheck.Action == CloseRetryAction.GiveUp)
        {
            return Settlement.DeadLetter("BuyerStillPaying",
                $"The buyer of {close.OutTradeNo} was still paying after {close.Attempt + 1} looks; the order is left NEW.");
        }
        await scheduler.ScheduleAsync(CloseSchedule.Retry(close.OutTradeNo, close.PayDeadline, recheck.Attempt, recheck.DueAt), cancellationToken);
        logger.LogInformation("Close of {OutTradeNo} looks again at {DueAt:o} as attempt {NextAttempt}: its buyer is paying",
            close.OutTradeNo, recheck.DueAt, recheck.Attempt);
        return Settlement.Complete;
    }

    private void LogOutcome(DueClose close, CloseOutcome outcome)
    {
        if (outcome.Decision == CloseDecision.OrderNotFound)
        {
            logger.LogWarning("Close message for unknown order {OutTradeNo} (delivery {DeliveryCount}): completing", close.OutTradeNo, close.DeliveryCount);
            return;
        }
        logger.LogInformation("Close of {OutTradeNo} on delivery {DeliveryCount}: {Decision}, order {State}, deadline {PayDeadline:o}",
            close.OutTradeNo, close.DeliveryCount, outcome.Decision, outcome.Order?.State, outcome.Order?.PayDeadline);
    }
}
