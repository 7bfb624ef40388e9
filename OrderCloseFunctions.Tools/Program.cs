using OrderClose.Tools.Bench;
using OrderClose.Tools.Chaos;

// The pool starts with one thread per core and adds more slowly; under load the runner's in-process HTTP, SQLite and
// dispatcher then wait for threads with the CPU half idle (bench, 2 cores: 1,050 orders/s created; with this: 3,450).
ThreadPool.GetMinThreads(out _, out var completionPortThreads);
ThreadPool.SetMinThreads(64, completionPortThreads);

switch (args)
{
    case ["bench", .. var benchArgs]:
        return await BenchCommand.RunAsync(benchArgs, Console.Out);
    case ["chaos", .. var chaosArgs]:
        return await ChaosCommand.RunAsync(chaosArgs, Console.Out);
    default:
        Console.Error.WriteLine($"usage: dotnet run -c Release --project OrderCloseFunctions.Tools -- bench|chaos [options]\n{BenchOptions.Usage}\n{ChaosOptions.Usage}");
        return 2;
}
