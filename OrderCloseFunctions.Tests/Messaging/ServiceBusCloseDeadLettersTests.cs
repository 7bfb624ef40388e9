using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Messaging;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Messaging;

public sealed class ServiceBusCloseDeadLettersTests
{
    private readonly ServiceBusReceiver _receiver = Substitute.For<ServiceBusReceiver>();
    private readonly ICloseScheduler _scheduler = Substitute.For<ICloseScheduler>();
    private readonly ServiceBusCloseDeadLetters _deadLetters;

    public ServiceBusCloseDeadLettersTests() =>
        _deadLetters = new ServiceBusCloseDeadLetters(_receiver, _scheduler, new FakeTimeProvider(Collaborators.Now), NullLogger<ServiceBusCloseDeadLetters>.Instance);

    [Fact]
    public async Task Readable_closes_are_scheduled_now_as_new_first_attempts_then_completed_unreadable_ones_stay()
    {
        var exhausted = DeadLetter(41, new CloseOrderMessage(1, "T1", Collaborators.Now.AddHours(-7)) { Attempt = 15 }.ToBody());
        var poison = DeadLetter(42, BinaryData.FromString("not json"));
        var rejected = DeadLetter(43, new CloseOrderMessage(1, "T2", Collaborators.Now.AddHours(-1)).ToBody());
        Batches([exhausted, poison], [rejected], []);

        var result = await _deadLetters.RedriveAsync(100, CancellationToken.None);

        Assert.Equal(new RedriveResult(Redriven: 2, Unreadable: 1), result);
        await _scheduler.Received(1).ScheduleAsync(
            new CloseSchedule("T1#redrive41", "T1", Collaborators.Now.AddHours(-7), Collaborators.Now), Arg.Any<CancellationToken>());
        await _scheduler.Received(1).ScheduleAsync(
            new CloseSchedule("T2#redrive43", "T2", Collaborators.Now.AddHours(-1), Collaborators.Now), Arg.Any<CancellationToken>());
        await _receiver.Received(1).CompleteMessageAsync(exhausted, Arg.Any<CancellationToken>());
        await _receiver.Received(1).CompleteMessageAsync(rejected, Arg.Any<CancellationToken>());
        await _receiver.Received(1).AbandonMessageAsync(poison, null, Arg.Any<CancellationToken>());
        await _receiver.DidNotReceive().CompleteMessageAsync(poison, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task It_receives_no_more_than_max()
    {
        Batches([DeadLetter(1, new CloseOrderMessage(1, "T1", Collaborators.Now).ToBody())], []);

        var result = await _deadLetters.RedriveAsync(1, CancellationToken.None);

        Assert.Equal(1, result.Redriven);
        await _receiver.Received(1).ReceiveMessagesAsync(1, Arg.Any<TimeSpan?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_dead_letter_whose_close_cannot_be_scheduled_stays_a_dead_letter()
    {
        var deadLetter = DeadLetter(7, new CloseOrderMessage(1, "T1", Collaborators.Now).ToBody());
        Batches([deadLetter], []);
        _scheduler.ScheduleAsync(Arg.Any<CloseSchedule>(), Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("bus"));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => _deadLetters.RedriveAsync(10, CancellationToken.None));

        await _receiver.DidNotReceiveWithAnyArgs().CompleteMessageAsync(default!, default);
        await _receiver.Received(1).AbandonMessageAsync(deadLetter, null, Arg.Any<CancellationToken>());
    }

    private void Batches(params ServiceBusReceivedMessage[][] batches)
    {
        var results = batches.Select(b => (IReadOnlyList<ServiceBusReceivedMessage>)b).ToArray();
        _receiver.ReceiveMessagesAsync(Arg.Any<int>(), Arg.Any<TimeSpan?>(), Arg.Any<CancellationToken>())
            .Returns(results[0], results[1..]);
    }

    private static ServiceBusReceivedMessage DeadLetter(long sequenceNumber, BinaryData body) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(body: body, messageId: $"m{sequenceNumber}", sequenceNumber: sequenceNumber);
}
