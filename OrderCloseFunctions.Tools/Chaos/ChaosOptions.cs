using System.Globalization;
using OrderClose.Tools.Bench;
using OrderClose.Tools.Faults;

namespace OrderClose.Tools.Chaos;

/// <summary><c>chaos</c>: the bench's options (orders, paid ratio, timeout, concurrency, json) plus the faults.</summary>
public sealed record ChaosOptions(BenchOptions Run, FaultOptions Faults, TimeSpan RestartEvery, KillMode Kill = KillMode.InProcess)
{
    public const string Usage = """
        usage: chaos [--orders N] [--paid-ratio R] [--timeout 2s] [--concurrency C] [--json]
                     [--faults all|store,scheduler,provider,restart] [--rate 0.05] [--seed 42] [--restart-every 3]
                     [--kill in-process|process]
          --faults F         ports or single kinds that misbehave (default all; with --kill process: restart, the only one
                             a child process can get); restart ends the runner and starts it again on its data
          --rate P           chance that a call gets each fault kind of its port (default 0.05)
          --seed S           the same seed gives every order the same faults (default 42)
          --restart-every S  seconds between restarts, with restart on (default 3)
          --kill K           in-process: the runner runs here, a restart stops its host without letting work finish
                             (default); process: the runner is a child process (dotnet OrderCloseFunctions.LocalRunner.dll),
                             a restart ends it with SIGKILL
        """;

    public static ChaosOptions Parse(IReadOnlyList<string> args)
    {
        var faults = new FaultOptions { Enabled = FaultOptions.Parse("all") };
        var faultsNamed = false;
        var kill = KillMode.InProcess;
        var restartEvery = TimeSpan.FromSeconds(3);
        var run = new List<string> { "--orders", "2000", "--timeout", "2s" };
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--faults":
                    faults = faults with { Enabled = FaultOptions.Parse(Value(args, ref i)) };
                    faultsNamed = true;
                    break;
                case "--kill":
                    kill = Value(args, ref i) switch
                    {
                        "in-process" => KillMode.InProcess,
                        "process" => KillMode.Process,
                        var other => throw new ArgumentException($"--kill takes in-process or process, not '{other}'."),
                    };
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
        if (kill == KillMode.Process)
        {
            faults = faults with { Enabled = faultsNamed ? OnlyRestart(faults.Enabled) : new HashSet<string> { FaultKinds.Restart } };
        }
        return new ChaosOptions(BenchOptions.Parse(run), faults, restartEvery, kill);
    }

    /// <summary>A child process runs no decorator of ours, so its ports cannot be made to fail: only restart is possible.</summary>
    private static IReadOnlySet<string> OnlyRestart(IReadOnlySet<string> enabled) => enabled.All(kind => kind == FaultKinds.Restart)
        ? enabled
        : throw new ArgumentException("--kill process runs the runner in a child process, where only restart can be injected: use --faults restart.");

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
