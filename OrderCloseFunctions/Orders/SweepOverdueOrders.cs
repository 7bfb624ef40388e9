using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;

namespace OrderClose.Orders;

/// <param name="Found">Overdue orders taken in this run.</param>
/// <param name="Closed">Of those, moved now: to CANCELLED, or to PAID when the provider says so.</param>
/// <param name="Failed">Of those, left NEW by a failure; a later run takes them again.</param>
public sealed record SweepResult(int Found, int Closed, int Failed)
{
    /// <summary>Events that were still unpublished past <see cref="SweepOptions.EventGrace"/>, published again in this run.</summary>
    public int EventsRepublished { get; init; }

    /// <summary>Refunds still PENDING past <see cref="SweepOptions.RefundGrace"/> whose request was sent again in this run.</summary>
    public int RefundsResent { get; init; }
}

/// <summary>
/// Closes orders still NEW well past their deadline (a lost or dead-lettered close, a purged queue) through
/// <see cref="CloseUnpaidOrder"/>, the use case the close messages go through, so a sweep racing a close moves an
/// order at most once. Then publishes again the order events still unpublished past their grace (a publish that
/// failed, a process stopped between a transition and its publish) through <see cref="OrderEventOutbox"/>, and sends
/// again the refund requests of refunds still PENDING past their grace (a request never sent, or lost).
/// Bounded: at most <see cref="SweepOptions.MaxOrdersPerRun"/> orders of each kind, read a page at a time.
/// A failure on one order does not stop the others.
/// </summary>
public sealed class SweepOverdueOrders(
    IOverdueOrders overdue,
    IPendingOrderEvents pendingEvents,
    IStalledRefunds stalledRefunds,
    IRefundScheduler refunds,
    CloseUnpaidOrder closeUnpaidOrder,
    IOrderStore store,
    OrderEventOutbox outbox,
    IOptions<SweepOptions> options,
    TimeProvider clock,
    ILogger<SweepOverdueOrders> logger)
{
    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var sweep = options.Value;
        var now = clock.GetUtcNow();
        int closed = 0, failed = 0, republished = 0, resent = 0;
        // The quick passes first: a run cut short (a stop, a failing overdue query, a long pass of closes at a provider
        // that is down) must not starve the events and refunds that wait behind the closes.
        await ForEachAsync(
            (max, continuation) => pendingEvents.FindAsync(now - sweep.EventGrace, max, continuation, cancellationToken),
            async outTradeNo => republished += await TryRepublishAsync(outTradeNo, cancellationToken));

        await ForEachAsync(
            (max, continuation) => stalledRefunds.FindAsync(now - sweep.RefundGrace, max, continuation, cancellationToken),
            async outTradeNo => resent += await TryResendRefundAsync(outTradeNo, cancellationToken) ? 1 : 0);

        var found = await ForEachAsync(
            (max, continuation) => overdue.FindAsync(now - sweep.Grace, max, continuation, cancellationToken),
            async outTradeNo =>
            {
                if (await TryCloseAsync(outTradeNo, cancellationToken) is { } moved)
                {
                    closed += moved ? 1 : 0;
                }
                else
                {
                    failed++;
                }
            });

        return new SweepResult(found, closed, failed) { EventsRepublished = republished, RefundsResent = resent };
    }

    /// <summary>Runs <paramref name="handle"/> on each order of the pages <paramref name="read"/> gives, up to the run's bound; returns how many.</summary>
    private async Task<int> ForEachAsync(Func<int, string?, Task<OverduePage>> read, Func<string, Task> handle)
    {
        var sweep = options.Value;
        var taken = 0;
        string? continuation = null;
        do
        {
            var page = await read(Math.Min(sweep.PageSize, sweep.MaxOrdersPerRun - taken), continuation);
            foreach (var outTradeNo in page.OutTradeNos.Take(sweep.MaxOrdersPerRun - taken))
            {
                taken++;
                await handle(outTradeNo);
            }
            continuation = page.Continuation;
        }
        while (continuation is not null && taken < sweep.MaxOrdersPerRun);
        return taken;
    }

    /// <returns>Whether the order moved now; null when the close failed.</returns>
    private async Task<bool?> TryCloseAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await closeUnpaidOrder.HandleAsync(outTradeNo, cancellationToken);
            logger.LogWarning("Sweep found {OutTradeNo} NEW past its deadline {PayDeadline:o}: {Decision}",
                outTradeNo, outcome.Order?.PayDeadline, outcome.Decision);
            return outcome.Decision is CloseDecision.Cancelled or CloseDecision.MarkedPaid;
        }
        catch (Exception exception) when (exception is DependencyUnavailableException or PaymentProviderRejectedException)
        {
            logger.LogWarning(exception, "Sweep could not close {OutTradeNo}; a later run tries again", outTradeNo);
            return null;
        }
    }

    /// <summary>Sends the first refund request again: its id is fixed, so a copy still in the queue's duplicate window is dropped.</summary>
    private async Task<bool> TryResendRefundAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        try
        {
            await refunds.ScheduleAsync(RefundSchedule.First(outTradeNo, clock.GetUtcNow()), cancellationToken);
            logger.LogWarning("Sweep found the refund of {OutTradeNo} PENDING past its grace; its request is sent again", outTradeNo);
            return true;
        }
        catch (DependencyUnavailableException exception)
        {
            logger.LogWarning(exception, "Sweep could not send the refund of {OutTradeNo} again; a later run tries again", outTradeNo);
            return false;
        }
    }

    /// <returns>How many events of the order were published again; 0 when that failed (a later run tries again).</returns>
    private async Task<int> TryRepublishAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        StoredOrder? stored;
        try
        {
            stored = await store.FindAsync(outTradeNo, cancellationToken);
        }
        catch (DependencyUnavailableException exception)
        {
            logger.LogWarning(exception, "Sweep could not read {OutTradeNo} to publish its events; a later run tries again", outTradeNo);
            return 0;
        }
        if (stored is null)
        {
            return 0;
        }
        var published = await outbox.PublishPendingAsync(stored, cancellationToken) ?? 0;
        if (published > 0)
        {
            logger.LogWarning("Sweep published {Count} events of {OutTradeNo} that had stayed unpublished", published, outTradeNo);
        }
        return published;
    }
}
