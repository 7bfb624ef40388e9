using System.Net;
using Microsoft.Azure.Cosmos;
using OrderClose.Orders;

namespace OrderClose.Storage;

/// <summary>
/// Runs one Cosmos DB operation and sorts its failures: the expected answers the caller names become null,
/// failures that may pass become <see cref="DependencyUnavailableException"/>, anything else (400, 401, 403:
/// configuration bugs) and the caller's own cancellation propagate unchanged.
/// </summary>
internal static class CosmosCall
{
    private const HttpStatusCode RetryWith = (HttpStatusCode)449;

    public static async Task<T?> RunAsync<T>(
        string operation,
        Func<Task<T>> call,
        IReadOnlyCollection<HttpStatusCode> nullWhen,
        CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await call();
        }
        catch (CosmosException exception) when (nullWhen.Contains(exception.StatusCode))
        {
            return null;
        }
        catch (Exception exception) when (IsTransient(exception, cancellationToken))
        {
            throw new DependencyUnavailableException($"Cosmos DB could not {operation}: {exception.Message}", exception);
        }
    }

    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        CosmosException cosmos => cosmos.StatusCode is HttpStatusCode.TooManyRequests
            or HttpStatusCode.RequestTimeout
            or RetryWith
            or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway
            or HttpStatusCode.GatewayTimeout,
        CosmosOperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or TimeoutException => true,
        _ => false,
    };
}
