using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using OrderClose.Functions;

namespace OrderClose.LocalRunner.Messaging;

/// <summary>
/// The trigger's side of a local queue: receives due messages (peek-lock) and runs its function (<see cref="CloseOrderFunction"/>
/// on the close queue, <see cref="RefundLatePaymentFunction"/> on the refund queue) on each, at most
/// <see cref="CloseQueueOptions.MaxConcurrentCalls"/> at once, as the Functions host does with
/// <c>AutoCompleteMessages = false</c>: the function settles every message itself. Sleeps until the next message is due.
/// Runs on the thread pool unless a <see cref="TaskScheduler"/> is registered (the tools give it threads of its own).
/// </summary>
public sealed class QueueDispatcher(
    LocalQueue local,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<CloseQueueOptions> options,
    ILogger<QueueDispatcher> logger,
    TaskScheduler? lane = null) : BackgroundService
{
    private static readonly TimeSpan ForgetMessageIdsEvery = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Factory.StartNew(
        () => DispatchAsync(stoppingToken), CancellationToken.None, TaskCreationOptions.DenyChildAttach, lane ?? TaskScheduler.Default).Unwrap();

    private async Task DispatchAsync(CancellationToken stoppingToken)
    {
        var max = options.Value.MaxConcurrentCalls;
        var slots = new SemaphoreSlim(max, max);
        var inFlight = new HashSet<Task>();
        var forgotAt = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var taken = 1;
                while (taken < max && slots.Wait(0))
                {
                    taken++;
                }

                var batch = await ReceiveAsync(taken, stoppingToken);
                if (batch.Count < taken)
                {
                    slots.Release(taken - batch.Count);
                }
                foreach (var message in batch)
                {
                    Track(inFlight, DeliverAsync(message, slots, stoppingToken));
                }
                if (batch.Count == taken)
                {
                    continue;
                }

                if (clock.GetUtcNow() - forgotAt > ForgetMessageIdsEvery)
                {
                    await local.Queue.ForgetExpiredMessageIdsAsync();
                    forgotAt = clock.GetUtcNow();
                }
                local.Wakeup.Arm();
                await local.Wakeup.SleepAsync(await local.Queue.NextVisibleAtAsync(), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Deliveries under way see the stop and settle (the function abandons what it cannot finish).
        Task[] pending;
        lock (inFlight)
        {
            pending = [.. inFlight];
        }
        await Task.WhenAll(pending);
    }

    private async Task<List<LockedMessage>> ReceiveAsync(int max, CancellationToken stoppingToken)
    {
        try
        {
            return await local.Queue.ReceiveAsync(max);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Could not receive {Function} messages; trying again in a second", local.FunctionName);
            await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            return [];
        }
    }

    private async Task DeliverAsync(LockedMessage locked, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await local.RunFunction(scope.ServiceProvider, ToReceivedMessage(locked), local.Actions, stoppingToken);
        }
        catch (Exception exception)
        {
            // As in the host: the function has abandoned what it could; an unsettled message comes back when its lock expires.
            logger.LogError(exception, "{Function} failed on message #{SequenceNumber} ({MessageId}), delivery {DeliveryCount}",
                local.FunctionName, locked.SequenceNumber, locked.MessageId, locked.DeliveryCount);
        }
        finally
        {
            slots.Release();
        }
    }

    private static ServiceBusReceivedMessage ToReceivedMessage(LockedMessage locked) => ServiceBusModelFactory.ServiceBusReceivedMessage(
        body: locked.Body,
        messageId: locked.MessageId,
        contentType: locked.ContentType,
        scheduledEnqueueTime: locked.ScheduledAt,
        lockTokenGuid: locked.LockToken,
        deliveryCount: locked.DeliveryCount,
        lockedUntil: locked.LockedUntil,
        sequenceNumber: locked.SequenceNumber,
        enqueuedTime: locked.EnqueuedAt);

    private static void Track(HashSet<Task> inFlight, Task delivery)
    {
        lock (inFlight)
        {
            inFlight.Add(delivery);
        }
        delivery.ContinueWith(done =>
        {
            lock (inFlight)
            {
                inFlight.Remove(done);
            }
        }, TaskScheduler.Default);
    }
}
