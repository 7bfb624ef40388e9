using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace OrderClose.Tests.Storage;

/// <summary>
/// A running <c>@vercel/cosmosdb-server</c> (a node process) on a free loopback port, HTTPS with its self-signed
/// certificate. Killed on dispose. Its stderr is kept for failure messages.
/// </summary>
public sealed partial class CosmosDbServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CosmosDbServer(string cli)
    {
        // Port 0: the OS picks a free port and the server prints it, so no other process can take it first.
        _process = new Process
        {
            StartInfo = new ProcessStartInfo("node", [cli, "--host", "127.0.0.1", "--port", "0"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
            EnableRaisingEvents = true,
        };
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null && ReadyLine().Match(line.Data) is { Success: true } match)
            {
                _port.TrySetResult(int.Parse(match.Groups["port"].Value));
            }
        };
        _process.ErrorDataReceived += (_, line) =>
        {
            lock (_stderr) { _stderr.AppendLine(line.Data); }
        };
        _process.Exited += (_, _) => _port.TrySetException(new InvalidOperationException(
            $"cosmosdb-server exited with code {_process.ExitCode} before it was ready. Its stderr:\n{Stderr}"));
    }

    public Uri Endpoint { get; private set; } = null!;

    public string Stderr
    {
        get { lock (_stderr) { return _stderr.ToString(); } }
    }

    public static async Task<CosmosDbServer> StartAsync()
    {
        var cli = Path.Combine(TestProjectDirectory(), "node_modules", "@vercel", "cosmosdb-server", "lib", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException(
                $"{cli} is missing: run 'npm ci' in OrderCloseFunctions.Tests (a build does it when npm is installed).");
        }

        var server = new CosmosDbServer(cli);
        try
        {
            server.Start();
            var port = await server._port.Task.WaitAsync(StartTimeout);
            server.Endpoint = new Uri($"https://127.0.0.1:{port}/");
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private void Start()
    {
        try
        {
            _process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "Could not start 'node': install Node.js 20 or later, then run 'npm ci' in OrderCloseFunctions.Tests.", exception);
        }
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Never started, or already exited.
        }
        _process.Dispose();
    }

    private static string TestProjectDirectory() => typeof(CosmosDbServer).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "TestProjectDirectory").Value!;

    [GeneratedRegex(@"Ready to accept HTTPS connections at .+:(?<port>\d+)\z")]
    private static partial Regex ReadyLine();
}
