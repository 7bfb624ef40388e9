using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderClose.LocalRunner.Messaging;
using OrderClose.LocalRunner.Storage;

namespace OrderClose.Tests.LocalRunner;

/// <summary>The local close queue keeps the Service Bus semantics CloseOrder relies on.</summary>
public sealed class SqliteCloseQueueTests : IDisposable
{
    private static readonly BinaryData Body = BinaryData.FromString("{}");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly SqliteDatabase _database = SqliteDatabase.Open(null, "closes", SqliteCloseQueue.Schema);
    private readonly SqliteCloseQueue _queue;

    public SqliteCloseQueueTests()
    {
        var options = new CloseQueueOptions { MaxDeliveryCount = 3, LockDuration = TimeSpan.FromSeconds(30), DuplicateDetectionWindow = TimeSpan.FromMinutes(1) };
        _queue = new SqliteCloseQueue(_database, _clock, new DispatchWakeup(_clock), Options.Create(options));
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_message_is_delivered_only_once_due_and_then_locked()
    {
        var sequenceNumber = await _queue.ScheduleAsync("T1", "application/json", Body, _clock.GetUtcNow().AddSeconds(10));

        Assert.Empty(await _queue.ReceiveAsync(10));
        _clock.Advance(TimeSpan.FromSeconds(10));
        var delivered = Assert.Single(await _queue.ReceiveAsync(10));

        Assert.Equal((sequenceNumber, "T1", 1), (delivered.SequenceNumber, delivered.MessageId, delivered.DeliveryCount));
        Assert.Empty(await _queue.ReceiveAsync(10));
    }

    [Fact]
    public async Task A_scheduled_message_can_be_cancelled_until_it_is_due()
    {
        var early = await _queue.ScheduleAsync("T1", "application/json", Body, _clock.GetUtcNow().AddSeconds(10));
        var late = await _queue.ScheduleAsync("T2", "application/json", Body, _clock.GetUtcNow().AddSeconds(10));

        Assert.True(await _queue.CancelScheduledAsync(early));
        Assert.False(await _queue.CancelScheduledAsync(early));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.False(await _queue.CancelScheduledAsync(late));
        Assert.Equal("T2", Assert.Single(await _queue.ReceiveAsync(10)).MessageId);
    }

    [Fact]
    public async Task A_message_id_sent_again_within_the_window_is_dropped()
    {
        var first = await _queue.ScheduleAsync("T1", "application/json", Body, _clock.GetUtcNow());
        var again = await _queue.ScheduleAsync("T1", "application/json", Body, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(1));
        var afterWindow = await _queue.ScheduleAsync("T1", "application/json", Body, _clock.GetUtcNow());

        Assert.Equal(first, again);
        Assert.NotEqual(first, afterWindow);
        Assert.Equal(2, await _queue.ActiveCountAsync());
    }

    [Fact]
    public async Task Complete_deletes_and_a_lost_lock_refuses_settlement()
    {
        await _queue.ScheduleAsync("T1", "application/json", Body, _clock.GetUtcNow());
        var delivered = Assert.Single(await _queue.ReceiveAsync(10));

        Assert.False(await _queue.CompleteAsync(delivered.SequenceNumber, Guid.NewGuid()));
        Assert.True(await _queue.CompleteAsync(delivered.SequenceNumber, delivered.LockToken));
        Assert.False(await _queue.CompleteAsync(delivered.SequenceNumber, delivered.LockToken));
        Assert.Equal(0, await _queue.ActiveCountAsync());
    }

    [Fact]
    public async Task An_abandoned_message_comes_back_at_once_with_one_more_delivery()
    {
        await _queue.ScheduleAsync("T1", "application/json", Body, _clock.GetUtcNow());
        var first = Assert.Single(await _queue.ReceiveAsync(10));

        Assert.True(await _queue.AbandonAsync(first.SequenceNumber, first.LockToken));
        var second = Assert.Single(await _queue.ReceiveAsync(10));

        Assert.Equal(2, second.DeliveryCount);
        Assert.NotEqual(first.LockToken, second.LockToken);
    }

    [Fact]
    public async Task A_message_whose_lock_expires_is_delivered_again()
    {
        await _queue.ScheduleAsync("T1", "application/json", Body, _clock.GetUtcNow());
        var first = Assert.Single(await _queue.ReceiveAsync(10));

        _clock.Advance(TimeSpan.FromSeconds(30));
        var second = Assert.Single(await _queue.ReceiveAsync(10));

        Assert.Equal(2, second.DeliveryCount);
        Assert.False(await _queue.CompleteAsync(first.SequenceNumber, first.LockToken));
    }

    [Fact]
    public async Task After_max_delivery_count_deliveries_a_message_is_dead_lettered()
    {
        await _queue.ScheduleAsync("T1", "application/json", Body, _clock.GetUtcNow());
        for (var delivery = 1; delivery <= 2; delivery++)
        {
            var message = Assert.Single(await _queue.ReceiveAsync(10));
            await _queue.AbandonAsync(message.SequenceNumber, message.LockToken);
        }
        var last = Assert.Single(await _queue.ReceiveAsync(10));

        Assert.True(await _queue.AbandonAsync(last.SequenceNumber, last.LockToken));

        Assert.Empty(await _queue.ReceiveAsync(10));
        var deadLetter = Assert.Single(await _queue.DeadLettersAsync());
        Assert.Equal((SqliteCloseQueue.MaxDeliveryCountExceeded, 3), (deadLetter.Reason, deadLetter.DeliveryCount));
    }

    [Fact]
    public async Task A_message_dead_lettered_by_its_receiver_keeps_the_reason()
    {
        await _queue.ScheduleAsync("T1", "application/json", Body, _clock.GetUtcNow());
        var message = Assert.Single(await _queue.ReceiveAsync(10));

        Assert.True(await _queue.DeadLetterAsync(message.SequenceNumber, message.LockToken, "UnreadableBody", "not JSON"));

        var deadLetter = Assert.Single(await _queue.DeadLettersAsync());
        Assert.Equal(("UnreadableBody", "not JSON"), (deadLetter.Reason, deadLetter.Description));
        Assert.Equal(0, await _queue.ActiveCountAsync());
    }
}
