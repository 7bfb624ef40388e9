using System.CommandLine;
using OrderClose.Tools.Bench;
using OrderClose.Tools.Capacity;
using OrderClose.Tools.Chaos;

namespace OrderClose.Tools;

/// <summary>The tools' command line: one subcommand per tool, each with its own flags; app settings reach the runner it starts.</summary>
public static class ToolsCommand
{
    public static RootCommand Create(IReadOnlyList<string> settings) =>
        new("OrderClose tools (dotnet run -c Release --project OrderCloseFunctions.Tools -- <command> [options]): the local runner under measurement.")
        {
            BenchCommand.Create(settings),
            ChaosCommand.Create(settings),
            CapacityCommand.Create(),
        };
}
