using System.CommandLine;
using System.CommandLine.Parsing;
using OrderClose.Tools.Bench;
using OrderClose.Tools.CommandLine;
using OrderClose.Tools.Faults;

namespace OrderClose.Tools.Chaos;

/// <summary><c>chaos</c>'s flags: the drive's (<see cref="BenchFlags"/>, chaos defaults, no <c>--in-memory</c>: a restart must find the data) and the faults'.</summary>
public sealed class ChaosFlags
{
    private static readonly FaultOptions Defaults = ChaosOptions.Default.Faults;

    private readonly BenchFlags _run = new(ChaosOptions.Default.Run, inMemory: false);

    private readonly Option<IReadOnlySet<string>> _faults = new("--faults")
    {
        Description = $"ports or single kinds that misbehave: all, or some of {string.Join(',', FaultKinds.Ports)} or of {string.Join(',', FaultKinds.All)}; "
            + "restart stops and starts the runner on its data [default: all]",
        HelpName = "F",
        CustomParser = Faults,
    };

    private readonly Option<double> _rate = new("--rate")
    {
        Description = "chance that a call gets each fault kind of its port, 0 to 0.5",
        HelpName = "P",
        DefaultValueFactory = _ => Defaults.Rate,
        Validators = { FlagRule.Of<double>(rate => rate is >= 0 and <= 0.5, "must lie between 0 and 0.5") },
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "the same seed gives every order the same faults",
        HelpName = "S",
        DefaultValueFactory = _ => Defaults.Seed,
    };

    private readonly Option<double> _restartEvery = new("--restart-every")
    {
        Description = "seconds between restarts, with restart on",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => ChaosOptions.Default.RestartEvery.TotalSeconds,
        Validators = { FlagRule.Of<double>(seconds => seconds > 0, "must be positive") },
    };

    public void AddTo(Command command)
    {
        _run.AddTo(command);
        command.Options.Add(_faults);
        command.Options.Add(_rate);
        command.Options.Add(_seed);
        command.Options.Add(_restartEvery);
    }

    public ChaosOptions Read(ParseResult result) => new(
        _run.Read(result),
        Defaults with
        {
            Enabled = result.GetResult(_faults) is null ? Defaults.Enabled : result.GetValue(_faults)!,
            Rate = result.GetValue(_rate),
            Seed = result.GetValue(_seed),
        },
        TimeSpan.FromSeconds(result.GetValue(_restartEvery)));

    private static IReadOnlySet<string>? Faults(ArgumentResult argument)
    {
        try
        {
            return FaultOptions.Parse(argument.Tokens.Single().Value);
        }
        catch (ArgumentException exception)
        {
            argument.AddError(exception.Message);
            return null;
        }
    }
}
