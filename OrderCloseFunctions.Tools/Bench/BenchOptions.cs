using System.Globalization;

namespace OrderClose.Tools.Bench;

/// <summary><c>bench --orders N --paid-ratio R --timeout 5s [--concurrency C] [--in-memory] [--json]</c>.</summary>
public sealed record BenchOptions
{
    public int Orders { get; init; } = 20_000;
    public double PaidRatio { get; init; } = 0.5;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);
    public int Concurrency { get; init; } = 64;
    public bool InMemory { get; init; }
    public bool Json { get; init; }

    public const string Usage = """
        usage: bench [--orders N] [--paid-ratio R] [--timeout 5s] [--concurrency C] [--in-memory] [--json]
          --orders N        orders to place (default 20000)
          --paid-ratio R    share of them the buyer pays at the sandbox cashier before the deadline (default 0.5)
          --timeout T       payment timeout of every order, whole seconds: 5s, 2m (default 5s)
          --concurrency C   HTTP requests in flight at once (default 64)
          --in-memory       SQLite in memory instead of files in a temporary folder
          --json            print the report as JSON instead of a table
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--orders" => options with { Orders = Positive(int.Parse(Value(args, ref i), CultureInfo.InvariantCulture), "--orders") },
                "--paid-ratio" => options with { PaidRatio = Ratio(double.Parse(Value(args, ref i), CultureInfo.InvariantCulture)) },
                "--timeout" => options with { Timeout = Duration(Value(args, ref i)) },
                "--concurrency" => options with { Concurrency = Positive(int.Parse(Value(args, ref i), CultureInfo.InvariantCulture), "--concurrency") },
                "--in-memory" => options with { InMemory = true },
                "--json" => options with { Json = true },
                _ => throw new ArgumentException($"Unknown bench argument '{args[i]}'."),
            };
        }
        return options;
    }

    private static TimeSpan Duration(string text)
    {
        var seconds = text.EndsWith('m') ? 60 * int.Parse(text[..^1], CultureInfo.InvariantCulture)
            : int.Parse(text.TrimEnd('s'), CultureInfo.InvariantCulture);
        return seconds >= 1 ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException("--timeout must be at least 1s.");
    }

    private static int Positive(int value, string name) => value > 0 ? value : throw new ArgumentException($"{name} must be positive.");

    private static double Ratio(double value) => value is >= 0 and <= 1 ? value : throw new ArgumentException("--paid-ratio must lie between 0 and 1.");

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
