using System.CommandLine.Parsing;

namespace OrderClose.Tools.CommandLine;

/// <summary>A flag's value checked at parse time: a value that breaks the rule is a usage error naming the flag.</summary>
public static class FlagRule
{
    public static Action<OptionResult> Of<T>(Func<T, bool> holds, string rule) => result =>
    {
        if (!holds(result.GetValueOrDefault<T>()))
        {
            result.AddError($"{result.Option.Name} {rule}.");
        }
    };

    public static readonly Action<OptionResult> Positive = Of<int>(value => value > 0, "must be positive");
}
