namespace OrderClose.Tests.Observability;

/// <summary>
/// Tests that count every span and log record of a kind: an ActivitySource listener hears the whole process, so they run
/// alone, after the tests that run in parallel, or they would count other tests' work too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTelemetryCollection
{
    public const string Name = "process-wide telemetry";
}
