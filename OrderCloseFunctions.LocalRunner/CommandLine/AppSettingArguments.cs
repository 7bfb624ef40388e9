namespace OrderClose.LocalRunner.CommandLine;

/// <summary>
/// App settings on the command line: <c>--Section:Key=VALUE</c> or <c>--Section:Key VALUE</c> (a name with a colon),
/// handed to configuration as <c>--Section:Key=VALUE</c>. Everything else is left for the command's own flags.
/// </summary>
public static class AppSettingArguments
{
    public const string Help = """
        Settings:
          --Section:Key=VALUE, --Section:Key VALUE   any app setting, e.g. --Orders:MinPaymentTimeout=00:00:05
        """;

    public static (IReadOnlyList<string> Settings, IReadOnlyList<string> Others, string? Error) Split(IReadOnlyList<string> args)
    {
        var settings = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (!IsSetting(argument))
            {
                rest.Add(argument);
            }
            else if (argument.Contains('='))
            {
                settings.Add(argument);
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                settings.Add($"{argument}={args[++i]}");
            }
            else
            {
                return (settings, rest, $"Setting {argument} needs a value: {argument}=VALUE or {argument} VALUE.");
            }
        }
        return (settings, rest, null);
    }

    private static bool IsSetting(string argument) =>
        argument.StartsWith("--", StringComparison.Ordinal) && argument.Split('=', 2)[0].Contains(':');
}
