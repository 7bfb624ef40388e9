namespace OrderClose.Functions.Http;

/// <summary>
/// A kind of problem, as RFC 9457 has it: a stable type URI that clients may branch on, the HTTP status it comes with,
/// and a title that stays the same for every occurrence (what differs goes into the detail).
/// </summary>
/// <param name="Name">The last part of the type URI, e.g. <c>order-not-found</c>.</param>
public sealed record ProblemType(string Name, int Status, string Title)
{
    /// <summary>A tag URI (RFC 4151): unique and stable without being a web address anyone must keep serving.</summary>
    public const string UriPrefix = "tag:orderclose,2026:problem:";

    public string Uri => UriPrefix + Name;
}
