using Microsoft.Extensions.Logging;

namespace OrderClose.Orders;

/// <summary>
/// The one rule for queued work (a close, a refund) that hit a failure that may pass: abandon for an immediate
/// redelivery while <see cref="CloseRetryPolicy"/> allows, otherwise send the work again as its next attempt after the
/// policy's delay (abandoning if even that send fails), and give up once the retries are spent.
/// </summary>
internal static class TransientFailureBackoff
{
    public static async Task<Settlement> DecideAsync(
        CloseRetryPolicy policy,
        ILogger logger,
        QueuedWork work,
        DependencyUnavailableException failure,
        Func<CloseRetryDecision, Task> sendRetry,
        Func<string, string, Task<Settlement>> giveUp)
    {
        var retry = policy.Decide(work.DeliveryCount, work.Attempt);
        switch (retry.Action)
        {
            case CloseRetryAction.Abandon:
                logger.LogWarning(failure, "{Work} of {OutTradeNo} (attempt {Attempt}) hit a transient failure on delivery {DeliveryCount}; abandoning for redelivery",
                    work.Kind, work.OutTradeNo, work.Attempt, work.DeliveryCount);
                return Settlement.Abandon;
            case CloseRetryAction.GiveUp:
                return await giveUp("RetriesExhausted",
                    $"The {work.Kind.ToLowerInvariant()} of {work.OutTradeNo} failed on every delivery of {work.Attempt + 1} attempts; the last failure: {failure.Message}");
        }

        try
        {
            await sendRetry(retry);
        }
        catch (DependencyUnavailableException exception)
        {
            logger.LogWarning(exception, "{Work} of {OutTradeNo} could not be rescheduled; abandoning for redelivery", work.Kind, work.OutTradeNo);
            return Settlement.Abandon;
        }
        logger.LogWarning(failure, "{Work} of {OutTradeNo} (attempt {Attempt}) hit a transient failure on delivery {DeliveryCount}; retrying as attempt {NextAttempt} at {DueAt:o}",
            work.Kind, work.OutTradeNo, work.Attempt, work.DeliveryCount, retry.Attempt, retry.DueAt);
        return Settlement.Complete;
    }
}

/// <summary>Which delivery of which attempt of a close or refund this is.</summary>
internal sealed record QueuedWork(string Kind, string OutTradeNo, int Attempt, int DeliveryCount);
