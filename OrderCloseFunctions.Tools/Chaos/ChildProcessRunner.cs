using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using OrderClose.LocalRunner.Hosting;
using OrderClose.Tools.Faults;

namespace OrderClose.Tools.Chaos;

/// <summary>
/// The runner under chaos as an operating system process: <c>dotnet OrderCloseFunctions.LocalRunner.dll --data …</c>,
/// started from this tool's folder, ended by <see cref="RestartAsync"/> with SIGKILL (<see cref="Process.Kill()"/>) and
/// started again on the same data folder and port. Nothing of it runs here: the data folder is read through the
/// runner's own stores, built in this process but never started (SQLite in WAL mode lets them read beside the child).
/// </summary>
/// <param name="settings">More app settings, after chaos's own.</param>
/// <param name="port">The loopback port to listen on; 0: any free one, kept across restarts.</param>
public sealed partial class ChildProcessRunner(string dataDirectory, FaultPlan plan, IReadOnlyList<string> settings, int port = 0) : IChaosRunner
{
    public const string RunnerAssembly = "OrderCloseFunctions.LocalRunner.dll";

    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _process;
    private WebApplication? _reader;
    private bool _disposed;
    private string _urls = $"http://127.0.0.1:{port}";

    public Uri BaseAddress { get; private set; } = null!;

    public bool InProcess => false;

    /// <summary>Starts the runner and returns once it listens (its start-up banner says where).</summary>
    public async Task StartAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, RunnerAssembly), "--data", dataDirectory, "--urls", _urls, .. ChaosSettings.With(settings)])
        {
            start.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && Listening().Match(text) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
            {
                errors.AppendLine(line.Data);
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            $"The runner ({RunnerAssembly}) ended before it listened: {Describe(process, errors)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        BaseAddress = await listening.Task.WaitAsync(StartPatience);
        _urls = BaseAddress.ToString().TrimEnd('/');
    }

    public async Task RestartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await KillAsync();
            plan.Count(FaultKinds.Restart);
            await StartAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        _reader ??= LocalRunnerHost.Build(new RunnerOptions { DataDirectory = dataDirectory, ConfigurationArgs = ChaosSettings.With(settings) });
        return work(_reader.Services);
    }

    private async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }
        _process = null;
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static string Describe(Process process, StringBuilder errors)
    {
        lock (errors)
        {
            return $"exit code {process.ExitCode}, stderr: {errors.ToString().Trim()}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        _disposed = true;
        _gate.Release();
        await KillAsync();
        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }
    }

    /// <summary>The banner's line <c>listening  http://127.0.0.1:7071  (…)</c>.</summary>
    [GeneratedRegex(@"^\s*listening\s+(?<url>http://\S+)")]
    private static partial Regex Listening();
}
