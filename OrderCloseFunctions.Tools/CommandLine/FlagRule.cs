using System.CommandLine.Parsing;

namespace OrderClose.Tools.CommandLine;

/// <summary>A flag's value checked at parse time: a value that breaks the rule is a usage error naming the flag.</summary>
public static class FlagRule
{
    public static Action<OptionResult> Of<T>(Func<T, bool> holds, string rule) => result =>
    {
        T value;
        try
        {
            value = result.GetValueOrDefault<T>();
        }
        catch (InvalidOperationException)
        {
            // Not a T at all ('--orders many'): the parser reports that as the flag's error.
            return;
        }
        if (!holds(value))
        {
            result.AddError($"{result.Option.Name} {rule}.");
        }
    };

    public static readonly Action<OptionResult> Positive = Of<int>(value => value > 0, "must be positive");

    /// <summary>A flag's value read by <paramref name="parse"/>, whose <see cref="ArgumentException"/> becomes the flag's one-line error.</summary>
    public static Func<ArgumentResult, T?> ParsedBy<T>(Func<string, T> parse) where T : class => argument =>
    {
        try
        {
            return parse(argument.Tokens.Single().Value);
        }
        catch (ArgumentException exception)
        {
            argument.AddError(exception.Message);
            return null;
        }
    };
}
