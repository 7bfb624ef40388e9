namespace OrderClose.Orders;

/// <summary>
/// A continuation handed back to a paged query is not one that query made: malformed, cut, or from another query. The
/// caller's mistake, not a failure: asking again from the start works.
/// </summary>
public sealed class InvalidContinuationException : Exception
{
    public InvalidContinuationException(string message) : base(message) { }

    public InvalidContinuationException(string message, Exception innerException) : base(message, innerException) { }
}
