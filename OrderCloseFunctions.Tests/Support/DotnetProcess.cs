using System.Diagnostics;

namespace OrderClose.Tests.Support;

/// <summary>Runs an app of the test output folder (e.g. the local runner) as its own process, as a person would start it.</summary>
public static class DotnetProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static async Task<Outcome> RunAsync(string assemblyName, IEnumerable<string> arguments, TimeSpan patience)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, $"{assemblyName}.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{assemblyName} {string.Join(' ', start.ArgumentList.Skip(1))} did not exit within {patience}: {await output}{await error}");
        }
        return new Outcome(process.ExitCode, await output, await error);
    }
}
