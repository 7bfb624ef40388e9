using System.Diagnostics;

namespace OrderClose;

/// <summary>
/// The app's own spans, beside the ones the Azure SDKs and the HTTP client make: each payment provider call and the
/// settlement of a close message. Tags carry order numbers, pay types and outcomes, never buyer data.
/// </summary>
public static class Tracing
{
    public const string SourceName = "OrderClose";

    public static readonly ActivitySource Source = new(SourceName);
}
