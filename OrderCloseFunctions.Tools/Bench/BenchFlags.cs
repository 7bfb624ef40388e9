using System.CommandLine;
using System.CommandLine.Parsing;
using OrderClose.Tools.CommandLine;
using OrderClose.Tools.Progress;

namespace OrderClose.Tools.Bench;

/// <summary>
/// The flags that say how a drive runs (<see cref="BenchOptions"/>), shared by <c>bench</c> and <c>chaos</c>, each with
/// its own defaults: <c>--orders</c>, <c>--paid-ratio</c>, <c>--timeout</c>, <c>--concurrency</c>, <c>--json</c>,
/// <c>--quiet</c>, <c>--progress</c>, and the bench's own: <c>--timeouts</c>, <c>--pending</c>, <c>--in-memory</c>.
/// </summary>
public sealed class BenchFlags
{
    private readonly BenchOptions _defaults;
    private readonly Option<int> _orders;
    private readonly Option<double> _paidRatio;
    private readonly Option<TimeSpan> _timeout;
    private readonly Option<TimeSpan[]>? _timeouts;
    private readonly Option<int>? _pending;
    private readonly Option<int> _concurrency;
    private readonly Option<bool>? _inMemory;
    private readonly Option<bool> _json;
    private readonly Option<bool> _quiet;
    private readonly Option<bool> _progress;

    /// <param name="benchOnly">Whether the flags only the bench has are there: <c>--in-memory</c>, <c>--timeouts</c>, <c>--pending</c>.</param>
    public BenchFlags(BenchOptions defaults, bool benchOnly)
    {
        _defaults = defaults;
        _orders = new Option<int>("--orders")
        {
            Description = "orders to place",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.Orders,
            Validators = { FlagRule.Positive },
        };
        _paidRatio = new Option<double>("--paid-ratio")
        {
            Description = "share of them the buyer pays at the sandbox cashier before the deadline, 0 to 1",
            HelpName = "R",
            DefaultValueFactory = _ => defaults.PaidRatio,
            Validators = { FlagRule.Of<double>(ratio => ratio is >= 0 and <= 1, "must lie between 0 and 1") },
        };
        _timeout = new Option<TimeSpan>("--timeout")
        {
            Description = $"payment timeout of every order, whole seconds or minutes: 5s, 2m [default: {DurationText.Format(defaults.Timeout)}]",
            HelpName = "T",
            CustomParser = Duration,
        };
        _timeouts = benchOnly
            ? new Option<TimeSpan[]>("--timeouts")
            {
                Description = "a mix of per-order timeouts instead of --timeout, e.g. 3s,30s: every tenth order gets the longest and is placed first of its ten, "
                    + "the others take the rest in turn (as the seed's per-message TTL anchor) [default: none]",
                HelpName = "T,T",
                CustomParser = Durations,
            }
            : null;
        _pending = benchOnly
            ? new Option<int>("--pending")
            {
                Description = "orders placed before the drive (straight through the use case, due in an hour): closes pending all the while, to show memory does not grow with them",
                HelpName = "N",
                DefaultValueFactory = _ => defaults.Pending,
                Validators = { FlagRule.Of<int>(pending => pending >= 0, "must not be negative") },
            }
            : null;
        _concurrency = new Option<int>("--concurrency")
        {
            Description = "HTTP requests in flight at once",
            HelpName = "C",
            DefaultValueFactory = _ => defaults.Concurrency,
            Validators = { FlagRule.Positive },
        };
        _inMemory = benchOnly
            ? new Option<bool>("--in-memory") { Description = "SQLite in memory instead of files in a temporary folder [default: off]" }
            : null;
        _json = new Option<bool>("--json") { Description = "print the report as JSON instead of a table [default: off]" };
        _quiet = new Option<bool>("--quiet") { Description = "no progress line on stderr [default: off]" };
        _progress = new Option<bool>("--progress")
        {
            Description = "a progress line on stderr every second even when stderr is not a terminal [default: only to a terminal]",
        };
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_orders);
        command.Options.Add(_paidRatio);
        command.Options.Add(_timeout);
        command.Options.Add(_concurrency);
        foreach (var option in new Option?[] { _timeouts, _pending, _inMemory })
        {
            if (option is not null)
            {
                command.Options.Add(option);
            }
        }
        command.Options.Add(_json);
        command.Options.Add(_quiet);
        command.Options.Add(_progress);
        command.Validators.Add(result =>
        {
            if (result.GetValue(_quiet) && result.GetValue(_progress))
            {
                result.AddError("--quiet and --progress exclude each other.");
            }
            if (_timeouts is not null && result.GetResult(_timeouts) is not null && result.GetResult(_timeout) is not null)
            {
                result.AddError("--timeout and --timeouts exclude each other.");
            }
        });
    }

    public BenchOptions Read(ParseResult result) => _defaults with
    {
        Orders = result.GetValue(_orders),
        PaidRatio = result.GetValue(_paidRatio),
        Timeout = result.GetResult(_timeout) is null ? _defaults.Timeout : result.GetValue(_timeout),
        Timeouts = _timeouts is not null && result.GetResult(_timeouts) is not null ? result.GetValue(_timeouts)! : _defaults.Timeouts,
        Pending = _pending is null ? 0 : result.GetValue(_pending),
        Concurrency = result.GetValue(_concurrency),
        InMemory = _inMemory is not null && result.GetValue(_inMemory),
        Json = result.GetValue(_json),
        Progress = result.GetValue(_quiet) ? ProgressMode.Never : result.GetValue(_progress) ? ProgressMode.Always : ProgressMode.Auto,
    };

    private static TimeSpan[] Durations(ArgumentResult argument)
    {
        var texts = argument.Tokens.Single().Value.Split(',', StringSplitOptions.TrimEntries);
        var durations = texts.Select(DurationText.Parse).ToList();
        if (durations.Count >= 2 && durations.All(duration => duration is not null))
        {
            return [.. durations.Select(duration => duration!.Value)];
        }
        argument.AddError($"--timeouts takes two or more timeouts of whole seconds or minutes, e.g. 3s,30s, not '{argument.Tokens.Single().Value}'.");
        return [];
    }

    private static TimeSpan Duration(ArgumentResult argument)
    {
        var text = argument.Tokens.Single().Value;
        if (DurationText.Parse(text) is { } duration)
        {
            return duration;
        }
        argument.AddError($"{((OptionResult)argument.Parent!).Option.Name} takes whole seconds or minutes of at least 1s, e.g. 5s or 2m, not '{text}'.");
        return default;
    }
}
