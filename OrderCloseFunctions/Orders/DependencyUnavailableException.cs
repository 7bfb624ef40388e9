namespace OrderClose.Orders;

/// <summary>
/// A dependency (the store, the scheduler, a payment provider) failed in a way that may pass:
/// throttling, a timeout, a 5xx, a network error. The caller should try again later.
/// </summary>
public sealed class DependencyUnavailableException : Exception
{
    public DependencyUnavailableException(string message) : base(message) { }

    public DependencyUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
