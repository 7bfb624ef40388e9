using System.CommandLine;
using Microsoft.AspNetCore.Connections;

namespace OrderClose.LocalRunner.Hosting;

/// <summary>The runner's command line: where it listens and keeps its data; app settings pass through to configuration.</summary>
public static class RunnerCommand
{
    public const int PortInUse = 3;

    /// <summary>The exit code when <c>--cosmos</c> names an endpoint the orders cannot live in (<see cref="CosmosEndpointCheck"/>).</summary>
    public const int CosmosUnusable = 4;

    /// <param name="run">What runs the runner; by default <see cref="RunAsync"/>.</param>
    public static RootCommand Create(IReadOnlyList<string> settings, Func<RunnerOptions, TextWriter, TextWriter, Task<int>>? run = null)
    {
        run ??= RunAsync;
        var urls = new Option<string>("--urls")
        {
            Description = "where to listen",
            HelpName = "URL",
            DefaultValueFactory = _ => RunnerOptions.DefaultUrls,
        };
        var data = new Option<string>("--data")
        {
            Description = "where the SQLite files live, relative to the working directory",
            HelpName = "DIR",
            DefaultValueFactory = _ => RunnerOptions.DefaultDataDirectory,
        };
        var inMemory = new Option<bool>("--in-memory")
        {
            Description = "keep everything in memory; nothing is written to disk [default: off, files in --data]",
            DefaultValueFactory = _ => false,
        };
        var cosmos = new Option<string>("--cosmos")
        {
            Description = "keep orders in Cosmos DB (the Azure Cosmos DB emulator or an account; checked at start-up) instead of SQLite [default: SQLite]",
            HelpName = "CONNECTIONSTRING",
        };
        var otlp = new Option<Uri>("--otlp")
        {
            Description = "send traces and metrics over OTLP/HTTP to this collector, e.g. http://127.0.0.1:4318 [default: none]",
            HelpName = "URL",
            CustomParser = argument => Uri.TryCreate(argument.Tokens.Single().Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : Fail(argument, "--otlp takes an absolute http or https URL."),
        };
        var root = new RootCommand(
            "The OrderClose local runner (dotnet run --project OrderCloseFunctions.LocalRunner -- [options]): the app's functions over SQLite and a sandbox payment provider.")
        {
            urls, data, inMemory, cosmos, otlp,
        };
        root.Validators.Add(result =>
        {
            if (result.GetResult(inMemory) is { Implicit: false } && result.GetResult(data) is { Implicit: false })
            {
                result.AddError("--in-memory and --data exclude each other.");
            }
        });
        root.SetAction(result => run(
            new RunnerOptions
            {
                Urls = result.GetValue(urls)!,
                DataDirectory = result.GetValue(inMemory) ? null : Path.GetFullPath(result.GetValue(data)!),
                CosmosConnection = result.GetValue(cosmos),
                OtlpEndpoint = result.GetValue(otlp),
                ConfigurationArgs = settings,
            },
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return root;
    }

    /// <summary>
    /// Starts the runner and waits until it is stopped (Ctrl+C); a busy port, or a <c>--cosmos</c> endpoint that cannot
    /// hold the orders, is one line on <paramref name="error"/>.
    /// </summary>
    public static async Task<int> RunAsync(RunnerOptions options, TextWriter output, TextWriter error)
    {
        await using var app = LocalRunnerHost.Build(options);
        if (options.CosmosConnection is not null && await CosmosEndpointCheck.RefusalAsync(app.Services) is { } refusal)
        {
            await error.WriteLineAsync(refusal);
            return CosmosUnusable;
        }
        try
        {
            await app.StartAsync();
        }
        catch (IOException exception) when (exception.InnerException is AddressInUseException)
        {
            // The queues' dispatchers and the sweep started before Kestrel failed: stop them before the services they
            // use are disposed, or a sweep under way logs an ObjectDisposedException with its stack under the one line.
            await app.StopAsync();
            await error.WriteLineAsync(BusyPortMessage(options.Urls));
            return PortInUse;
        }
        StartupBanner.Print(app, options, output);
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static Uri? Fail(System.CommandLine.Parsing.ArgumentResult argument, string error)
    {
        argument.AddError(error);
        return null;
    }

    public static string BusyPortMessage(string urls)
    {
        var ports = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => new UriBuilder(url.Replace("://+", "://localhost").Replace("://*", "://localhost")).Port)
            .Distinct();
        return $"Port {string.Join(" or ", ports)} is already in use (Core Tools or another runner?): stop that, or listen elsewhere with --urls, e.g. --urls http://127.0.0.1:7072";
    }
}
