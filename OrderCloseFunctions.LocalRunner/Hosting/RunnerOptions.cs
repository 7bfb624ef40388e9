namespace OrderClose.LocalRunner.Hosting;

/// <summary>How a runner is started (<see cref="RunnerCommand"/> reads them from the command line).</summary>
public sealed record RunnerOptions
{
    public const string DefaultUrls = "http://127.0.0.1:7071";
    public const string DefaultDataDirectory = ".orderclose";

    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Where the SQLite files live; null keeps everything in memory.</summary>
    public string? DataDirectory { get; init; } = Path.GetFullPath(DefaultDataDirectory);

    /// <summary>A Cosmos DB connection string (e.g. the emulator's): orders go there instead of SQLite.</summary>
    public string? CosmosConnection { get; init; }

    /// <summary>Where to send traces and metrics over OTLP/HTTP; null sends none.</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>App settings as configuration reads them from a command line: <c>--Section:Key=VALUE</c>.</summary>
    public IReadOnlyList<string> ConfigurationArgs { get; init; } = [];
}
