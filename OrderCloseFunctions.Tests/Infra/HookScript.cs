using System.Diagnostics;

namespace OrderClose.Tests.Infra;

/// <summary>
/// Runs one of the azd hook scripts (<c>infra/hooks/*.sh</c>) with <c>sh</c>, as azd does, in an environment of the
/// test's choosing, with a stub <c>az</c> first on PATH. The stub logs its arguments and answers
/// <c>keyvault secret list</c> with the names in <c>STUB_SECRETS</c> (or fails with <c>STUB_LIST_ERROR</c>).
/// </summary>
internal sealed class HookScript : IDisposable
{
    private const string StubAz = """
        #!/bin/sh
        printf '%s\n' "$*" >> "$STUB_LOG"
        case "$1 $2 $3" in
          "keyvault secret list")
            if [ -n "${STUB_LIST_ERROR:-}" ]; then echo "$STUB_LIST_ERROR" >&2; exit 1; fi
            for name in $STUB_SECRETS; do printf '%s\n' "$name"; done ;;
          "functionapp restart --resource-group") ;;
          *) echo "stub az: unexpected call: $*" >&2; exit 2 ;;
        esac
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("orderclose-hook-").FullName;

    public HookScript()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("azd runs these hooks with sh; so do their tests: run them on Linux or macOS.");
        }
        var az = Path.Combine(directory, "az");
        File.WriteAllText(az, StubAz.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Every call of the stub <c>az</c>, its arguments joined by spaces.</summary>
    public IReadOnlyList<string> AzCalls => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    private string LogPath => Path.Combine(directory, "az.log");

    public async Task<(int ExitCode, string Output)> RunAsync(string script, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("sh", [RepositoryFiles.PathOf("infra", "hooks", script)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryFiles.Root,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = $"{directory}:/usr/bin:/bin";
        start.Environment["STUB_LOG"] = LogPath;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
