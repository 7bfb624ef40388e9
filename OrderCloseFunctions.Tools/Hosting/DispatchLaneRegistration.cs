namespace OrderClose.Tools.Hosting;

public static class DispatchLaneRegistration
{
    /// <summary>Gives the runner's close dispatcher a lane of one thread per core (disposed with the host).</summary>
    public static IServiceCollection AddDispatchLane(this IServiceCollection services) =>
        services.AddSingleton<TaskScheduler>(_ => new DispatchLane(Environment.ProcessorCount));
}
