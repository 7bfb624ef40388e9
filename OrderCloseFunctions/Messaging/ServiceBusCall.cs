using Azure.Messaging.ServiceBus;
using OrderClose.Orders;

namespace OrderClose.Messaging;

/// <summary>
/// Runs one Service Bus operation, as <see cref="Storage.CosmosCall"/> does for Cosmos DB: a failure that may pass
/// (<see cref="ServiceBusException.IsTransient"/>) becomes <see cref="DependencyUnavailableException"/>; anything else
/// (a missing entity, a refused claim: configuration bugs) and the caller's own cancellation propagate unchanged.
/// </summary>
internal static class ServiceBusCall
{
    /// <param name="operation">What could not be done, for the exception's message: "schedule the close of T1".</param>
    public static async Task<T> RunAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ServiceBusException exception) when (exception.IsTransient)
        {
            throw new DependencyUnavailableException($"Service Bus could not {operation}.", exception);
        }
    }

    public static Task RunAsync(string operation, Func<Task> call) => RunAsync(operation, async () =>
    {
        await call();
        return true;
    });
}
