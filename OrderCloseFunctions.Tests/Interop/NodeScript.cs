using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using OrderClose.Tests.Infra;

namespace OrderClose.Tests.Interop;

/// <summary>
/// A node script under <c>Interop/node/</c> that drives an independent implementation (an npm package from the tests'
/// package.json) as an oracle: one JSON document in on stdin, one JSON document out on stdout, one process per call.
/// Scripts resolve their packages from <c>OrderCloseFunctions.Tests/node_modules</c>, so they run from the source tree.
/// </summary>
internal sealed class NodeScript(string fileName, string package)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string TestProjectDirectory => RepositoryFiles.PathOf("OrderCloseFunctions.Tests");

    public string Path => System.IO.Path.Combine(TestProjectDirectory, "Interop", "node", fileName);

    /// <summary>Runs the script on <paramref name="input"/> (serialized camelCase) and reads its answer as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">node or the package is missing, or the script failed; the message says which.</exception>
    /// <exception cref="TimeoutException">The script did not answer within <paramref name="timeout"/> (30 s by default).</exception>
    public async Task<T> RunAsync<T>(object input, TimeSpan? timeout = null)
    {
        var output = await RunAsync(JsonSerializer.Serialize(input, Json), timeout ?? DefaultTimeout);
        try
        {
            return JsonSerializer.Deserialize<T>(output, Json)
                ?? throw new InvalidOperationException($"{fileName} answered null.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{fileName} did not answer a JSON {typeof(T).Name}: {e.Message}\nIts stdout:\n{output}", e);
        }
    }

    private async Task<string> RunAsync(string input, TimeSpan timeout)
    {
        EnsureInstalled();
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo("node", [Path])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = TestProjectDirectory,
            },
        };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Could not start 'node' for {fileName}: install Node.js 20 or later, then run 'npm ci' in OrderCloseFunctions.Tests.", e);
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            await process.StandardInput.WriteAsync(input.AsMemory(), deadline.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(deadline.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"node {fileName} exited with code {process.ExitCode}. Its stderr:\n{await stderr}");
            }
            return await stdout;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {fileName} did not answer within {timeout.TotalSeconds:0.#} s.");
        }
    }

    private void EnsureInstalled()
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"The interop script {Path} is missing.");
        }
        if (!File.Exists(System.IO.Path.Combine(TestProjectDirectory, "node_modules", package, "package.json")))
        {
            throw new InvalidOperationException(
                $"The npm package '{package}' that {fileName} drives is not installed: run 'npm ci' in OrderCloseFunctions.Tests " +
                "(a build does it when npm is installed).");
        }
    }
}
