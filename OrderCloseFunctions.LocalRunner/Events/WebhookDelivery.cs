using Microsoft.Extensions.Options;
using OrderClose.Orders;

namespace OrderClose.LocalRunner.Events;

/// <summary>
/// Delivers the local topic to the webhook, in order and at least once: each event is POSTed until the receiver
/// acknowledges it (2xx), waiting longer after each failure (<see cref="WebhookOptions.WebhookRetryDelay"/>, doubling up
/// to <see cref="WebhookOptions.WebhookMaxRetryDelay"/>), and only then is the cursor moved past it. The cursor is
/// committed in the data folder, so a restart resumes after the last acknowledged event; an event sent just before a
/// stop may be sent again, under the same id.
/// </summary>
public sealed class WebhookDelivery(
    SqliteEventTopic topic,
    TopicAppended appended,
    WebhookCursor cursor,
    WebhookSender sender,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<WebhookDelivery> logger) : BackgroundService
{
    private const int Batch = 100;

    /// <summary>How long to wait for an append before looking at the topic anyway (an append by another process).</summary>
    private static readonly TimeSpan IdleLook = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var url = options.Value.WebhookUrl!;
        try
        {
            await Task.Yield();
            var delivered = await RetryAsync(() => cursor.DeliveredAsync(url), stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var events = await RetryAsync(() => topic.ReadAsync(delivered, Batch), stoppingToken);
                if (events.Count == 0)
                {
                    await appended.WaitAsync(IdleLook, stoppingToken);
                    continue;
                }
                foreach (var orderEvent in events)
                {
                    await DeliverAsync(url, orderEvent, stoppingToken);
                    await RetryAsync(async () =>
                    {
                        await cursor.AdvanceAsync(url, orderEvent.Sequence);
                        return orderEvent.Sequence;
                    }, stoppingToken);
                    delivered = orderEvent.Sequence;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(Uri url, TopicEvent orderEvent, CancellationToken stoppingToken)
    {
        var delay = options.Value.WebhookRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            if (await sender.SendAsync(url, orderEvent, stoppingToken) is not { } failure)
            {
                return;
            }
            logger.LogWarning("Webhook delivery of event {EventId} (#{Sequence}) failed on attempt {Attempt}: {Failure}; trying again in {Delay}",
                orderEvent.Id, orderEvent.Sequence, attempt, failure, delay);
            await Task.Delay(delay, clock, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.WebhookMaxRetryDelay.Ticks));
        }
    }

    /// <summary>Runs a step on the topic's database again while it is busy (another writer, another process).</summary>
    private async Task<T> RetryAsync<T>(Func<Task<T>> step, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return await step();
            }
            catch (DependencyUnavailableException exception)
            {
                logger.LogWarning(exception, "Webhook delivery could not reach the local topic; trying again in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }
}
