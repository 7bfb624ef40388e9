using System.Text.RegularExpressions;

namespace OrderClose.Tests.Infra;

/// <summary>What a KQL query the template deploys reads of the app's telemetry: metric names and custom dimensions.</summary>
internal static partial class TelemetryQuery
{
    public static HashSet<string> MetricNames(string query) => MetricName().Matches(query).Select(m => m.Groups["name"].Value).ToHashSet();

    public static HashSet<string> Dimensions(string query) => CustomDimension().Matches(query).Select(m => m.Groups["key"].Value).ToHashSet();

    [GeneratedRegex(@"'(?<name>orderclose\.[a-z_.]+)'")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"customDimensions\.(?<key>\w+)")]
    private static partial Regex CustomDimension();
}
