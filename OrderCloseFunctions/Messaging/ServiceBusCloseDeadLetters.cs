using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Messaging;

/// <summary>
/// Re-drives the close queue's dead-letter sub-queue: each readable close is scheduled again through the
/// <see cref="ICloseScheduler"/> (so with the same body, content type and a fresh MessageId), then completed; an
/// unreadable one is abandoned, which leaves it in the dead-letter queue for a person to look at.
/// </summary>
public sealed class ServiceBusCloseDeadLetters(
    ServiceBusReceiver deadLetters,
    ICloseScheduler scheduler,
    TimeProvider clock,
    ILogger<ServiceBusCloseDeadLetters> logger) : ICloseDeadLetters
{
    private const int BatchSize = 100;
    private static readonly TimeSpan WaitForMore = TimeSpan.FromSeconds(2);

    public async Task<RedriveResult> RedriveAsync(int max, CancellationToken cancellationToken)
    {
        var redriven = 0;
        // Held locked until the end, so the same unreadable ones do not come back within this run.
        var leftInPlace = new List<ServiceBusReceivedMessage>();
        try
        {
            while (redriven + leftInPlace.Count < max)
            {
                var batch = await ReceiveAsync(Math.Min(BatchSize, max - redriven - leftInPlace.Count), cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }
                foreach (var deadLetter in batch)
                {
                    leftInPlace.Add(deadLetter);
                    if (CloseOrderMessage.TryParse(deadLetter.Body, out var rejection) is not { } close)
                    {
                        logger.LogWarning("Dead letter #{SequenceNumber} ({MessageId}) is not a close message ({Reason}); left in place",
                            deadLetter.SequenceNumber, deadLetter.MessageId, rejection!.Reason);
                        continue;
                    }
                    await scheduler.ScheduleAsync(
                        CloseSchedule.Redriven(close.OutTradeNo, close.PayDeadline, deadLetter.SequenceNumber, clock.GetUtcNow()), cancellationToken);
                    await SettleAsync(() => deadLetters.CompleteMessageAsync(deadLetter, CancellationToken.None));
                    leftInPlace.Remove(deadLetter);
                    redriven++;
                    logger.LogInformation("Dead letter #{SequenceNumber} ({DeadLetterReason}) re-driven: close of {OutTradeNo} scheduled for now",
                        deadLetter.SequenceNumber, deadLetter.DeadLetterReason, close.OutTradeNo);
                }
            }
            return new RedriveResult(redriven, leftInPlace.Count);
        }
        finally
        {
            foreach (var deadLetter in leftInPlace)
            {
                await SettleAsync(() => deadLetters.AbandonMessageAsync(deadLetter, cancellationToken: CancellationToken.None));
            }
        }
    }

    private Task<IReadOnlyList<ServiceBusReceivedMessage>> ReceiveAsync(int count, CancellationToken cancellationToken) =>
        ServiceBusCall.RunAsync("hand out the dead-lettered closes", () => deadLetters.ReceiveMessagesAsync(count, WaitForMore, cancellationToken));

    private static Task SettleAsync(Func<Task> settle) => ServiceBusCall.RunAsync("settle a dead-lettered close", settle);
}
