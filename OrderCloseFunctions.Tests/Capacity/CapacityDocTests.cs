using OrderClose.LocalRunner.CommandLine;
using OrderClose.Tests.Infra;
using OrderClose.Tools;

namespace OrderClose.Tests.Capacity;

/// <summary>docs/capacity.md holds exactly what <c>capacity</c> prints for the peaks it documents, and the command's help and mistakes.</summary>
public sealed class CapacityDocTests
{
    [Theory]
    [InlineData("100")]
    [InlineData("1000")]
    [InlineData("10000")]
    [InlineData("100000")]
    public async Task The_doc_holds_exactly_what_the_command_prints_for_each_documented_peak(string ordersPerSecond)
    {
        var (exitCode, output, error) = await RunAsync("capacity", "--orders-per-second", ordersPerSecond, "--paid-ratio", "0.5");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains($"capacity --orders-per-second {ordersPerSecond} --paid-ratio 0.5", RepositoryFiles.Read("docs", "capacity.md"), StringComparison.Ordinal);
        Assert.Contains(output, RepositoryFiles.Read("docs", "capacity.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_shows_each_flag_with_its_default()
    {
        var (exitCode, output, _) = await RunAsync("capacity", "--help");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"--orders-per-second <N>\s+.*\[default: 1000\]", output);
        Assert.Matches(@"--paid-ratio <R>\s+.*\[default: 0\.5\]", output);
    }

    [Theory]
    [InlineData("--paid-ratio", "1.5")]
    [InlineData("--orders-per-second", "0")]
    [InlineData("--orders-per-second", "many")]
    public async Task A_mistake_gets_one_line_and_exit_code_2(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(["capacity", .. args]);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLineApp.RunAsync(args, ToolsCommand.Create, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
