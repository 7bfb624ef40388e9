using System.Globalization;
using OrderClose.Tools.Bench;
using OrderClose.Tools.Faults;

namespace OrderClose.Tools.Chaos;

/// <summary><c>chaos</c>: the bench's options (orders, paid ratio, timeout, concurrency, json) plus the faults.</summary>
public sealed record ChaosOptions(BenchOptions Run, FaultOptions Faults, TimeSpan RestartEvery)
{
    public const string Usage = """
        usage: chaos [--orders N] [--paid-ratio R] [--timeout 2s] [--concurrency C] [--json]
                     [--faults all|store,scheduler,provider,restart] [--rate 0.05] [--seed 42] [--restart-every 3]
          --faults F         ports or single kinds that misbehave (default all); restart stops and starts the runner on its data
          --rate P           chance that a call gets each fault kind of its port (default 0.05)
          --seed S           the same seed gives every order the same faults (default 42)
          --restart-every S  seconds between restarts, with restart on (default 3)
        """;

    public static ChaosOptions Parse(IReadOnlyList<string> args)
    {
        var faults = new FaultOptions { Enabled = FaultOptions.Parse("all") };
        var restartEvery = TimeSpan.FromSeconds(3);
        var run = new List<string> { "--orders", "2000", "--timeout", "2s" };
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--faults":
                    faults = faults with { Enabled = FaultOptions.Parse(Value(args, ref i)) };
                    break;
                case "--rate":
                    var rate = double.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    faults = faults with { Rate = rate is >= 0 and <= 0.5 ? rate : throw new ArgumentException("--rate must lie between 0 and 0.5.") };
                    break;
                case "--seed":
                    faults = faults with { Seed = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture) };
                    break;
                case "--restart-every":
                    var seconds = double.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    restartEvery = seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException("--restart-every must be positive.");
                    break;
                case "--in-memory":
                    throw new ArgumentException("chaos keeps its data in files: a restart must find them.");
                default:
                    run.Add(args[i]);
                    break;
            }
        }
        return new ChaosOptions(BenchOptions.Parse(run), faults, restartEvery);
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
