using Polly;

namespace OrderClose.Payments;

internal static class TransportFailures
{
    /// <summary>
    /// Network errors, timeouts (attempt or total, from the resilience pipeline or HttpClient), an open circuit:
    /// everything but the caller's own cancellation.
    /// </summary>
    public static bool IsTransportFailure(Exception e, CancellationToken cancellationToken) => e switch
    {
        HttpRequestException or ExecutionRejectedException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
