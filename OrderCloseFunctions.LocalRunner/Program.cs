using OrderClose.LocalRunner.Bench;
using OrderClose.LocalRunner.Chaos;
using OrderClose.LocalRunner.CommandLine;
using OrderClose.LocalRunner.Hosting;

// The pool starts with one thread per core and adds more slowly; under load the runner's in-process HTTP, SQLite and
// dispatcher then wait for threads with the CPU half idle (bench, 2 cores: 1,050 orders/s created; with this: 3,450).
ThreadPool.GetMinThreads(out _, out var completionPortThreads);
ThreadPool.SetMinThreads(64, completionPortThreads);

if (args is ["bench", .. var benchArgs])
{
    return await BenchCommand.RunAsync(benchArgs, Console.Out);
}
if (args is ["chaos", .. var chaosArgs])
{
    return await ChaosCommand.RunAsync(chaosArgs, Console.Out);
}

return await CommandLineApp.RunAsync(args, settings => RunnerCommand.Create(settings), Console.Out, Console.Error);
