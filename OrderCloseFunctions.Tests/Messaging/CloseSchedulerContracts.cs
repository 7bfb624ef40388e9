using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using OrderClose.LocalRunner.Messaging;
using OrderClose.LocalRunner.Storage;
using OrderClose.Messaging;
using OrderClose.Orders.Ports;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Messaging;

public sealed class ServiceBusCloseSchedulerContract : CloseSchedulerContract
{
    private readonly Dictionary<long, SentClose> _sent = [];

    public ServiceBusCloseSchedulerContract()
    {
        var sender = Substitute.For<ServiceBusSender>();
        sender.ScheduleMessageAsync(Arg.Any<ServiceBusMessage>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                var message = call.Arg<ServiceBusMessage>();
                var handle = _sent.Count + 1L;
                _sent[handle] = new SentClose(message.MessageId, message.ContentType, message.Body, call.Arg<DateTimeOffset>());
                return handle;
            });
        Scheduler = new ServiceBusCloseScheduler(sender);
    }

    protected override ICloseScheduler Scheduler { get; }

    protected override Task<SentClose> SentAsync(long handle) => Task.FromResult(_sent[handle]);
}

public sealed class LocalCloseSchedulerContract : CloseSchedulerContract, IDisposable
{
    private readonly FakeTimeProvider _clock = new(Deadline.AddDays(-1));
    private readonly SqliteDatabase _database = SqliteDatabase.Open(null, "closes", SqliteCloseQueue.Schema);
    private readonly SqliteCloseQueue _queue;

    public LocalCloseSchedulerContract()
    {
        _queue = new SqliteCloseQueue(_database, _clock, new DispatchWakeup(_clock), Options.Create(new CloseQueueOptions()));
        Scheduler = new LocalCloseScheduler(_queue);
    }

    protected override ICloseScheduler Scheduler { get; }

    /// <summary>Receives it once due, as the dispatcher would.</summary>
    protected override async Task<SentClose> SentAsync(long handle)
    {
        _clock.Advance(TimeSpan.FromDays(2));
        var message = Assert.Single(await _queue.ReceiveAsync(10), m => m.SequenceNumber == handle);
        return new SentClose(message.MessageId, message.ContentType, message.Body, message.ScheduledAt);
    }

    public void Dispose() => _database.Dispose();
}

public sealed class SimulatedCloseQueueContract : CloseSchedulerContract
{
    private readonly SimulatedCloseQueue _queue = new(new FakeTimeProvider(Deadline.AddDays(-1)));

    protected override ICloseScheduler Scheduler => _queue;

    protected override Task<SentClose> SentAsync(long handle)
    {
        var (messageId, body, dueAt) = _queue.Scheduled(handle);
        return Task.FromResult(new SentClose(messageId, ScheduledCloseMessage.ContentType, body, dueAt));
    }
}
