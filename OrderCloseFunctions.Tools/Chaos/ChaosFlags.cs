using System.CommandLine;
using System.CommandLine.Parsing;
using OrderClose.Orders;
using OrderClose.Tools.Bench;
using OrderClose.Tools.CommandLine;
using OrderClose.Tools.Faults;

namespace OrderClose.Tools.Chaos;

/// <summary><c>chaos</c>'s flags: the drive's (<see cref="BenchFlags"/>, chaos defaults, no <c>--in-memory</c>: a restart must find the data) and the faults'.</summary>
public sealed class ChaosFlags
{
    private const string InProcess = "in-process";
    private const string Process = "process";

    private static readonly FaultOptions Defaults = ChaosOptions.Default.Faults;

    private readonly BenchFlags _run = new(ChaosOptions.Default.Run, benchOnly: false);

    private readonly Option<IReadOnlySet<string>> _faults = new("--faults")
    {
        Description = $"ports or single kinds that misbehave: all, or some of {string.Join(',', FaultKinds.Ports)} or of {string.Join(',', FaultKinds.All)}; "
            + "restart ends the runner and starts it again on its data; with --kill process all is what a child process can get: "
            + $"{string.Join(',', FaultKinds.OutsideTheRunner)} [default: all]",
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

    private readonly Option<double> _latePayRatio = new("--late-pay-ratio")
    {
        Description = "share of the buyers who do not pay in time who pay after the cancel, through the sandbox's old cashier "
            + "link without an expiry (POST /sandbox/late-pay/{no}); each late payment must end with exactly one refund, 0 to 1",
        HelpName = "R",
        DefaultValueFactory = _ => 0,
        Validators = { FlagRule.Of<double>(ratio => ratio is >= 0 and <= 1, "must lie between 0 and 1") },
    };

    private readonly Option<LatePaymentPolicy> _latePayments = new("--late-payments")
    {
        Description = "what the runner does with a late payment (Orders:LatePayments): Refund it at the sandbox, which must end "
            + "with exactly one refund SUCCEEDED, or Manual, which must end MANUAL with no refund made",
        HelpName = "Refund|Manual",
        DefaultValueFactory = _ => LatePaymentPolicy.Refund,
        CustomParser = LatePayments,
    };

    private readonly Option<string> _kill = new("--kill")
    {
        Description = "how a restart ends the runner: in-process (it runs here; its host is stopped without letting work finish) "
            + "or process (a child process, dotnet OrderCloseFunctions.LocalRunner.dll, ended with SIGKILL)",
        HelpName = "in-process|process",
        DefaultValueFactory = _ => InProcess,
        Validators = { FlagRule.Of<string>(kill => kill is InProcess or Process, "takes in-process or process") },
    };

    public void AddTo(Command command)
    {
        _run.AddTo(command);
        command.Options.Add(_faults);
        command.Options.Add(_rate);
        command.Options.Add(_seed);
        command.Options.Add(_restartEvery);
        command.Options.Add(_kill);
        command.Options.Add(_latePayRatio);
        command.Options.Add(_latePayments);
        command.Validators.Add(result =>
        {
            // A child process runs no decorator of ours, so its ports cannot be made to fail.
            if (result.GetValue(_kill) == Process && result.GetResult(_faults) is { } named && !IsAll(named)
                && named.GetValueOrDefault<IReadOnlySet<string>>()?.Any(kind => !FaultKinds.OutsideTheRunner.Contains(FaultKinds.PortOf(kind))) == true)
            {
                result.AddError($"--kill process runs the runner in a child process, where only {string.Join(" and ", FaultKinds.OutsideTheRunner)} faults can be injected.");
            }
        });
    }

    public ChaosOptions Read(ParseResult result)
    {
        var kill = result.GetValue(_kill) == Process ? KillMode.Process : KillMode.InProcess;
        var named = result.GetResult(_faults);
        var all = kill == KillMode.Process ? FaultKinds.OutsideTheRunner.ToHashSet(StringComparer.Ordinal) : Defaults.Enabled;
        return new(
            _run.Read(result),
            Defaults with
            {
                Enabled = named is null || IsAll(named) ? all : result.GetValue(_faults)!,
                Rate = result.GetValue(_rate),
                Seed = result.GetValue(_seed),
            },
            TimeSpan.FromSeconds(result.GetValue(_restartEvery)),
            kill) { LatePayRatio = result.GetValue(_latePayRatio), LatePayments = result.GetValue(_latePayments) };
    }

    /// <summary>A policy by name, in any case; not by number, which the runner's setting would refuse only at start-up.</summary>
    private static LatePaymentPolicy LatePayments(ArgumentResult argument)
    {
        var token = argument.Tokens.Single().Value;
        if (Enum.GetNames<LatePaymentPolicy>().FirstOrDefault(name => name.Equals(token, StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return Enum.Parse<LatePaymentPolicy>(name);
        }
        argument.AddError($"--late-payments takes {string.Join(" or ", Enum.GetNames<LatePaymentPolicy>())}, not '{token}'.");
        return default;
    }

    private static bool IsAll(OptionResult faults) => faults.Tokens is [{ Value: "all" }];

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
