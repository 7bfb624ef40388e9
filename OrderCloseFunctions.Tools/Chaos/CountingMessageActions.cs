using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using OrderClose.Messaging;
using OrderClose.Tools.Hosting;

namespace OrderClose.Tools.Chaos;

/// <summary>
/// Settles through the queue's own actions, counting the abandons, and the backoff reschedules as the queue delivered
/// them: a message whose body says attempt 1 or later, on its first delivery. Read from the body, so a scheduler that
/// lost the attempt shows as no reschedules at all.
/// </summary>
public sealed class CountingMessageActions(ServiceBusMessageActions inner, ChaosCounts counts) : SettlementWatchingActions(inner)
{
    protected override void Settled(ServiceBusReceivedMessage message, bool abandoned)
    {
        if (abandoned)
        {
            counts.Abandoned();
        }
        if (message.DeliveryCount == 1 && CloseOrderMessage.TryParse(message.Body, out _) is { Attempt: > 0 })
        {
            counts.Rescheduled();
        }
    }
}
