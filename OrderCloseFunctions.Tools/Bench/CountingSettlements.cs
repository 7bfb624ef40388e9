using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using OrderClose.Tools.Hosting;

namespace OrderClose.Tools.Bench;

/// <summary>Counts the delivered messages a function settled: completed, abandoned or dead-lettered.</summary>
public sealed class CountingSettlements(ServiceBusMessageActions inner, CallCounts counts) : SettlementWatchingActions(inner)
{
    protected override void Settled(ServiceBusReceivedMessage message, bool abandoned) => counts.Settlement();
}
