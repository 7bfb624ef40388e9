using OrderClose.LocalRunner.CommandLine;
using OrderClose.LocalRunner.Hosting;

return await CommandLineApp.RunAsync(args, settings => RunnerCommand.Create(settings), Console.Out, Console.Error);
