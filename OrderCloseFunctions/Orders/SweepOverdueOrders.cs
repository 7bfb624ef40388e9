using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderClose.Orders.Ports;

namespace OrderClose.Orders;

/// <param name="Found">Overdue orders taken in this run.</param>
/// <param name="Closed">Of those, moved now: to CANCELLED, or to PAID when the provider says so.</param>
/// <param name="Failed">Of those, left NEW by a failure; a later run takes them again.</param>
public sealed record SweepResult(int Found, int Closed, int Failed);

/// <summary>
/// Closes orders still NEW well past their deadline (a lost or dead-lettered close, a purged queue) through
/// <see cref="CloseUnpaidOrder"/>, the use case the close messages go through, so a sweep racing a close moves an
/// order at most once. Bounded: at most <see cref="SweepOptions.MaxOrdersPerRun"/> orders, read a page at a time.
/// A failure on one order does not stop the others.
/// </summary>
public sealed class SweepOverdueOrders(
    IOverdueOrders overdue,
    CloseUnpaidOrder closeUnpaidOrder,
    IOptions<SweepOptions> options,
    TimeProvider clock,
    ILogger<SweepOverdueOrders> logger)
{
    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var sweep = options.Value;
        var cutoff = clock.GetUtcNow() - sweep.Grace;
        int found = 0, closed = 0, failed = 0;
        string? continuation = null;
        do
        {
            var page = await overdue.FindAsync(cutoff, Math.Min(sweep.PageSize, sweep.MaxOrdersPerRun - found), continuation, cancellationToken);
            foreach (var outTradeNo in page.OutTradeNos.Take(sweep.MaxOrdersPerRun - found))
            {
                found++;
                if (await TryCloseAsync(outTradeNo, cancellationToken) is { } moved)
                {
                    closed += moved ? 1 : 0;
                }
                else
                {
                    failed++;
                }
            }
            continuation = page.Continuation;
        }
        while (continuation is not null && found < sweep.MaxOrdersPerRun);

        return new SweepResult(found, closed, failed);
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
}
