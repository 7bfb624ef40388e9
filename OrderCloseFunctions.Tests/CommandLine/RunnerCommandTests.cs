using System.Net;
using System.Net.Sockets;
using OrderClose.LocalRunner.CommandLine;
using OrderClose.LocalRunner.Hosting;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.CommandLine;

/// <summary>The runner's command line: help, mistakes, flags and settings, and a port someone else holds.</summary>
public sealed class RunnerCommandTests
{
    [Fact]
    public async Task Help_lists_every_flag_with_its_default_and_the_settings()
    {
        var (exitCode, output, error, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Matches(@"--urls <URL>\s+.*\[default: http://127\.0\.0\.1:7071\]", output);
        Assert.Matches(@"--data <DIR>\s+.*\[default: \.orderclose\]", output);
        Assert.Matches(@"--in-memory\s+.*\[default: off", output);
        Assert.Matches(@"--cosmos <CONNECTIONSTRING>\s+.*\[default: SQLite\]", output);
        Assert.Matches(@"--otlp <URL>\s+.*\[default: none\]", output);
        Assert.Contains("--Section:Key=VALUE, --Section:Key VALUE", output);
    }

    [Theory]
    [InlineData("--urlz", "http://127.0.0.1:7072")]
    [InlineData("--urls")]
    [InlineData("--in-memory", "--data", "x")]
    [InlineData("--Orders:MinPaymentTimeout")]
    [InlineData("--otlp", "localhost:4318")]
    public async Task A_mistake_gets_one_line_and_exit_code_2_and_nothing_runs(params string[] args)
    {
        var (exitCode, output, error, started) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Null(started);
        Assert.Empty(output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.EndsWith("See --help.", error.TrimEnd());
    }

    [Fact]
    public async Task Flags_and_settings_in_either_form_reach_the_runner()
    {
        var (exitCode, _, _, started) = await RunAsync(
            "--urls", "http://127.0.0.1:7999", "--Orders:MinPaymentTimeout", "00:00:05", "--data", "some-folder",
            "--Sweep:Interval=00:00:02", "--cosmos", "AccountEndpoint=https://localhost:8081/;AccountKey=a2V5", "--otlp", "http://127.0.0.1:4318");

        Assert.Equal(0, exitCode);
        Assert.Equal("http://127.0.0.1:7999", started!.Urls);
        Assert.Equal(Path.GetFullPath("some-folder"), started.DataDirectory);
        Assert.Equal("AccountEndpoint=https://localhost:8081/;AccountKey=a2V5", started.CosmosConnection);
        Assert.Equal(new Uri("http://127.0.0.1:4318"), started.OtlpEndpoint);
        Assert.Equal(["--Orders:MinPaymentTimeout=00:00:05", "--Sweep:Interval=00:00:02"], started.ConfigurationArgs);
    }

    [Fact]
    public async Task The_defaults_are_the_documented_ones()
    {
        var (_, _, _, started) = await RunAsync();

        Assert.Equal(RunnerOptions.DefaultUrls, started!.Urls);
        Assert.Equal(Path.GetFullPath(".orderclose"), started.DataDirectory);
        Assert.Null(started.CosmosConnection);
        Assert.Null(started.OtlpEndpoint);
        Assert.Empty(started.ConfigurationArgs);
        Assert.Null((await RunAsync("--in-memory")).Started!.DataDirectory);
    }

    [Fact]
    public async Task A_busy_port_is_one_line_naming_the_port_and_suggesting_urls_with_no_stack_trace()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var outcome = await DotnetProcess.RunAsync(
            "OrderCloseFunctions.LocalRunner", ["--in-memory", "--urls", $"http://127.0.0.1:{port}"], TimeSpan.FromSeconds(60));

        Assert.Equal(RunnerCommand.PortInUse, outcome.ExitCode);
        var line = Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.Contains($"Port {port} is already in use", line);
        Assert.Contains("--urls", line);
        Assert.DoesNotContain(" at ", outcome.Output + outcome.Error);
        Assert.DoesNotContain("Exception", outcome.Output + outcome.Error);
    }

    private static async Task<(int ExitCode, string Output, string Error, RunnerOptions? Started)> RunAsync(params string[] args)
    {
        RunnerOptions? started = null;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLineApp.RunAsync(
            args,
            settings => RunnerCommand.Create(settings, (options, _, _) =>
            {
                started = options;
                return Task.FromResult(0);
            }),
            output,
            error);
        return (exitCode, output.ToString(), error.ToString(), started);
    }
}
