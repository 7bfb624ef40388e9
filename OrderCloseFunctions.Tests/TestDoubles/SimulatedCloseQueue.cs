using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using OrderClose.Functions;
using OrderClose.Messaging;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.TestDoubles;

/// <summary>
/// The close queue on a fake clock, with the Service Bus behaviour CloseOrder relies on: a scheduled message is due at
/// its time (at once when that is past); abandon redelivers at once with DeliveryCount + 1; past
/// <see cref="MaxDeliveryCount"/> deliveries a message is dead-lettered; a MessageId sent again within the
/// duplicate-detection window is dropped; cancelling a message that is due already fails.
/// <see cref="RunAsync"/> delivers due messages one at a time, moving the clock to each.
/// </summary>
public sealed class SimulatedCloseQueue(FakeTimeProvider clock) : ICloseScheduler
{
    /// <summary>As the Bicep queue.</summary>
    public const int MaxDeliveryCount = 10;

    public static readonly TimeSpan DuplicateDetectionWindow = TimeSpan.FromMinutes(1);

    private readonly List<Pending> _pending = [];
    private readonly Dictionary<string, DateTimeOffset> _lastSent = new(StringComparer.Ordinal);
    private long _sequence;

    public List<(string MessageId, string Reason, DateTimeOffset At)> DeadLetters { get; } = [];

    public int Deliveries { get; private set; }

    public int PendingCount => _pending.Count;

    /// <summary>The message scheduled under <paramref name="sequenceNumber"/>, while it is pending.</summary>
    public (string MessageId, BinaryData Body, DateTimeOffset DueAt) Scheduled(long sequenceNumber) =>
        _pending.Single(p => p.SequenceNumber == sequenceNumber) is var pending ? (pending.MessageId, pending.Body, pending.DueAt) : default;

    /// <summary>How far the queue's clock runs ahead of the app's: it delivers each message that much early by the app's clock.</summary>
    public TimeSpan ClockLead { get; set; }

    /// <summary>When the closes of <paramref name="outTradeNo"/> that are still in the queue are due.</summary>
    public IReadOnlyList<DateTimeOffset> DueTimesOf(string outTradeNo)
    {
        lock (_pending)
        {
            return [.. _pending.Where(p => CloseOrderMessage.TryParse(p.Body, out _)?.OutTradeNo == outTradeNo).Select(p => p.DueAt)];
        }
    }

    /// <summary>Thread-safe, so concurrent placements can race on it.</summary>
    public Task<long> ScheduleAsync(CloseSchedule schedule, CancellationToken cancellationToken)
    {
        lock (_pending)
        {
            return Task.FromResult(Schedule(schedule));
        }
    }

    private long Schedule(CloseSchedule schedule)
    {
        var now = clock.GetUtcNow();
        var sequenceNumber = ++_sequence;
        if (_lastSent.TryGetValue(schedule.MessageId, out var sentAt) && now - sentAt < DuplicateDetectionWindow)
        {
            return sequenceNumber;
        }
        _lastSent[schedule.MessageId] = now;
        var close = ScheduledCloseMessage.For(schedule);
        _pending.Add(new Pending(sequenceNumber, close.MessageId, close.Body, close.DueAt));
        return sequenceNumber;
    }

    public Task<bool> CancelAsync(long sequenceNumber, CancellationToken cancellationToken) =>
        Task.FromResult(_pending.RemoveAll(p => p.SequenceNumber == sequenceNumber && p.DueAt > clock.GetUtcNow()) > 0);

    /// <summary>Delivers every message due up to <paramref name="until"/> to <paramref name="function"/>, in due order, settling as it says.</summary>
    public async Task RunAsync(CloseOrderFunction function, DateTimeOffset until)
    {
        while (_pending.Where(p => p.DueAt <= until).MinBy(p => (p.DueAt, p.SequenceNumber)) is { } next)
        {
            if (next.DueAt - ClockLead > clock.GetUtcNow())
            {
                clock.SetUtcNow(next.DueAt - ClockLead);
            }
            next.DeliveryCount++;
            Deliveries++;
            var message = ServiceBusModelFactory.ServiceBusReceivedMessage(
                body: next.Body, messageId: next.MessageId, deliveryCount: next.DeliveryCount, sequenceNumber: next.SequenceNumber,
                scheduledEnqueueTime: next.DueAt);
            var actions = Substitute.For<ServiceBusMessageActions>();

            await function.RunAsync(message, actions, CancellationToken.None);

            Settle(next, Assert.Single(actions.ReceivedCalls()));
        }
        if (until > clock.GetUtcNow())
        {
            clock.SetUtcNow(until);
        }
    }

    private void Settle(Pending message, NSubstitute.Core.ICall settlement)
    {
        switch (settlement.GetMethodInfo().Name)
        {
            case nameof(ServiceBusMessageActions.CompleteMessageAsync):
                _pending.Remove(message);
                break;
            case nameof(ServiceBusMessageActions.DeadLetterMessageAsync):
                _pending.Remove(message);
                DeadLetters.Add((message.MessageId, (string)settlement.GetArguments()[2]!, clock.GetUtcNow()));
                break;
            case nameof(ServiceBusMessageActions.AbandonMessageAsync) when message.DeliveryCount >= MaxDeliveryCount:
                _pending.Remove(message);
                DeadLetters.Add((message.MessageId, "MaxDeliveryCountExceeded", clock.GetUtcNow()));
                break;
            case nameof(ServiceBusMessageActions.AbandonMessageAsync):
                break;
            default:
                throw new InvalidOperationException($"Unexpected settlement {settlement.GetMethodInfo().Name}.");
        }
    }

    private sealed record Pending(long SequenceNumber, string MessageId, BinaryData Body, DateTimeOffset DueAt)
    {
        public int DeliveryCount { get; set; }
    }
}
