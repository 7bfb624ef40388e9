using Microsoft.Extensions.Logging;
using OrderClose.Orders.Ports;

namespace OrderClose.Orders.Events;

/// <summary>
/// Publishes what a transition left in an order's outbox, then marks it published with a compare-and-set of its own.
/// Called right after the transition's compare-and-set, and by the sweep for what stayed unpublished. Nothing here can
/// lose an event: until the mark is stored the event stays in the order, and the sweep publishes it again (under the
/// same id, so a second publish is a duplicate). So a failure is logged and reported, never thrown: the transition
/// has happened whatever the publish did.
/// </summary>
public sealed class OrderEventOutbox(
    IOrderStore store,
    IOrderEventPublisher publisher,
    TimeProvider clock,
    OrderMetrics metrics,
    ILogger<OrderEventOutbox> logger)
{
    /// <summary>How many times a lost compare-and-set of the mark is retried on a fresh read.</summary>
    private const int MaxMarkAttempts = 3;

    /// <summary>
    /// Publishes the unpublished events of <paramref name="stored"/>, oldest first, and marks them published.
    /// Returns how many it published; null when a publish or the mark failed (the sweep takes it from there).
    /// </summary>
    public async Task<int?> PublishPendingAsync(StoredOrder stored, CancellationToken cancellationToken)
    {
        var pending = stored.Order.Events.Unpublished.ToList();
        if (pending.Count == 0)
        {
            return 0;
        }
        try
        {
            foreach (var orderEvent in pending)
            {
                await publisher.PublishAsync(orderEvent, cancellationToken);
                metrics.EventPublished(orderEvent.Type);
            }
            await MarkPublishedAsync(stored, pending.Select(e => e.Id).ToHashSet(StringComparer.Ordinal), cancellationToken);
            return pending.Count;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.EventPublishFailed();
            logger.LogWarning(exception, "Events of {OutTradeNo} ({EventIds}) not published or not marked; the sweep publishes them again",
                stored.Order.OutTradeNo, string.Join(", ", pending.Select(e => e.Id)));
            return null;
        }
    }

    /// <summary>
    /// Marks <paramref name="ids"/> published. A lost race re-reads: somebody else may have marked them, or changed the
    /// order otherwise (a refund), and then they are marked on that version. Losing every attempt is harmless: the sweep
    /// publishes them once more.
    /// </summary>
    private async Task MarkPublishedAsync(StoredOrder stored, IReadOnlySet<string> ids, CancellationToken cancellationToken)
    {
        var current = stored;
        for (var attempt = 1; attempt <= MaxMarkAttempts; attempt++)
        {
            if (!current.Order.Events.Unpublished.Any(e => ids.Contains(e.Id)))
            {
                return;
            }
            var marked = current.Order.MarkEventsPublished(ids.ToList(), clock.GetUtcNow());
            if (await store.TryReplaceAsync(current, marked, cancellationToken) is not null)
            {
                return;
            }
            if (await store.FindAsync(stored.Order.OutTradeNo, cancellationToken) is not { } reread)
            {
                return;
            }
            current = reread;
        }
        logger.LogInformation("Events {EventIds} of {OutTradeNo} published but not marked: the order kept changing; the sweep marks them",
            string.Join(", ", ids), stored.Order.OutTradeNo);
    }
}
