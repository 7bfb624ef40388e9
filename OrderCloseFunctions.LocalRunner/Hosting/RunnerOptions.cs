namespace OrderClose.LocalRunner.Hosting;

/// <summary>
/// The runner's command line: <c>--urls URL</c>, <c>--data DIR</c>, <c>--in-memory</c>, <c>--cosmos CONNECTIONSTRING</c>.
/// Anything else (e.g. <c>--Orders:MinPaymentTimeout=00:00:05</c>) is passed on as configuration.
/// </summary>
public sealed record RunnerOptions
{
    public const string DefaultUrls = "http://127.0.0.1:7071";
    public const string DefaultDataDirectory = ".orderclose";

    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Where the SQLite files live; null keeps everything in memory.</summary>
    public string? DataDirectory { get; init; } = Path.GetFullPath(DefaultDataDirectory);

    /// <summary>A Cosmos DB connection string (e.g. the emulator's): orders go there instead of SQLite.</summary>
    public string? CosmosConnection { get; init; }

    public IReadOnlyList<string> ConfigurationArgs { get; init; } = [];

    public const string Usage = """
        usage: dotnet run --project OrderCloseFunctions.LocalRunner [-- options]
          --urls URL            where to listen (default http://127.0.0.1:7071)
          --data DIR            where the SQLite files live (default .orderclose/)
          --in-memory           keep everything in memory; nothing is written to disk
          --cosmos CONNSTRING   keep orders in Cosmos DB (e.g. the emulator) instead of SQLite
          --Section:Key=VALUE   any app setting, e.g. --Orders:MinPaymentTimeout=00:00:05
        """;

    public static RunnerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new RunnerOptions();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--urls":
                    options = options with { Urls = Value(args, ref i) };
                    break;
                case "--data":
                    options = options with { DataDirectory = Path.GetFullPath(Value(args, ref i)) };
                    break;
                case "--in-memory":
                    options = options with { DataDirectory = null };
                    break;
                case "--cosmos":
                    options = options with { CosmosConnection = Value(args, ref i) };
                    break;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains('='):
                    rest.Add(setting);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }
        return options with { ConfigurationArgs = rest };
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
