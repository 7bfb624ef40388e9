using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using NSubstitute;
using OrderClose.Messaging;
using OrderClose.Tools.Chaos;

namespace OrderClose.Tests.Chaos;

public sealed class CountingMessageActionsTests
{
    private readonly ChaosCounts _counts = new();
    private readonly CountingMessageActions _actions;

    public CountingMessageActionsTests() => _actions = new CountingMessageActions(Substitute.For<ServiceBusMessageActions>(), _counts);

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(2, 1, 1)]
    [InlineData(2, 3, 0)]
    public async Task A_backoff_reschedule_is_counted_from_the_attempt_in_the_delivered_body_once(int attempt, int deliveryCount, long counted)
    {
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: new CloseOrderMessage(1, "C1", DateTimeOffset.UnixEpoch) { Attempt = attempt }.ToBody(), deliveryCount: deliveryCount);

        await _actions.CompleteMessageAsync(message);

        Assert.Equal(counted, _counts.Reschedules);
    }
}
