namespace OrderClose.LocalRunner.Bench;

public static class BenchCommand
{
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output) => Task.FromResult(0);
}
