using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace OrderClose.LocalRunner.CommandLine;

/// <summary>
/// Runs a command line the way every OrderClose command does: app settings split off (<see cref="AppSettingArguments"/>),
/// <c>--help</c> with every flag, its default and the settings, and a mistake answered with one line and exit code 2.
/// </summary>
public static class CommandLineApp
{
    public const int UsageError = 2;

    /// <param name="command">Builds the command for the settings given on the command line.</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, Func<IReadOnlyList<string>, RootCommand> command, TextWriter output, TextWriter error)
    {
        var (settings, rest, settingError) = AppSettingArguments.Split(args);
        var root = command(settings);
        AppendSettingsToHelp(root);
        var result = root.Parse(rest);
        var problem = settingError ?? (result.Errors.Count > 0 ? string.Join(" ", result.Errors.Select(e => e.Message)) : null);
        if (problem is not null)
        {
            await error.WriteLineAsync($"{problem} See --help.");
            return UsageError;
        }
        // No termination handling of its own: the runner's host stops on Ctrl+C, and the commands finish their work.
        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null });
    }

    private static void AppendSettingsToHelp(Command command)
    {
        foreach (var help in command.Options.OfType<HelpOption>())
        {
            help.Action = new WithSettings((HelpAction)help.Action!);
        }
        foreach (var subcommand in command.Subcommands)
        {
            AppendSettingsToHelp(subcommand);
        }
    }

    private sealed class WithSettings(HelpAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = help.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(AppSettingArguments.Help);
            return exitCode;
        }
    }
}
