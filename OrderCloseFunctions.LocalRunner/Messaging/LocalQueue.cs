using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;

namespace OrderClose.LocalRunner.Messaging;

/// <summary>
/// One local queue and its trigger: the queue, the wakeup its dispatcher sleeps on, the actions that settle its messages,
/// and the function that its messages run (<paramref name="FunctionName"/>, as the app names it).
/// </summary>
public sealed record LocalQueue(
    string FunctionName,
    SqliteCloseQueue Queue,
    DispatchWakeup Wakeup,
    ServiceBusMessageActions Actions,
    Func<IServiceProvider, ServiceBusReceivedMessage, ServiceBusMessageActions, CancellationToken, Task> RunFunction);
