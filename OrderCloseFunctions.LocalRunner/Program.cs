using OrderClose.LocalRunner.Hosting;

RunnerOptions options;
try
{
    options = RunnerOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(RunnerOptions.Usage);
    return 2;
}

await using var app = LocalRunnerHost.Build(options);
await app.StartAsync();
StartupBanner.Print(app, options, Console.Out);
await app.WaitForShutdownAsync();
return 0;
