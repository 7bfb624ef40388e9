using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry;

namespace OrderClose.Tests.Capacity;

/// <summary>
/// The runner's spans as they end (an OpenTelemetry processor in its tracer provider, beside what the app registers), and
/// its log records (a logger provider under the runner's log filters), sorted into what <see cref="OrderPathsTests"/> counts.
/// </summary>
internal sealed class TelemetryTally : BaseProcessor<Activity>
{
    private long _functionRequests;
    private long _ownSpans;
    private long _providerHttpCalls;

    public FakeLoggerProvider Logs { get; } = new();

    /// <summary>Requests to the runner's HTTP functions (<c>/api/…</c>), as ASP.NET Core's server spans show them.</summary>
    public long FunctionRequests => Interlocked.Read(ref _functionRequests);

    /// <summary>The app's own spans (<see cref="Tracing.SourceName"/>): provider calls and settlements.</summary>
    public long OwnSpans => Interlocked.Read(ref _ownSpans);

    /// <summary>HTTP client spans under a provider call's span: the requests to the provider.</summary>
    public long ProviderHttpCalls => Interlocked.Read(ref _providerHttpCalls);

    /// <summary>The app's log records at Information and above (the runner's and the tools' own left out: Azure has neither).</summary>
    public long AppLogRecords => Logs.Collector.GetSnapshot().Count(record =>
        record.Level >= LogLevel.Information
        && record.Category is { } category
        && category.StartsWith("OrderClose.", StringComparison.Ordinal)
        && !category.StartsWith("OrderClose.LocalRunner.", StringComparison.Ordinal)
        && !category.StartsWith("OrderClose.Tools.", StringComparison.Ordinal));

    public override void OnEnd(Activity span)
    {
        if (span.Source.Name == Tracing.SourceName)
        {
            Interlocked.Increment(ref _ownSpans);
        }
        else if (span.Kind == ActivityKind.Server && span.GetTagItem("url.path") is string path && path.StartsWith("/api/", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _functionRequests);
        }
        else if (span.Kind == ActivityKind.Client && span.Parent?.Source.Name == Tracing.SourceName)
        {
            Interlocked.Increment(ref _providerHttpCalls);
        }
    }
}
