namespace OrderClose.LocalRunner.Sweep;

public static class SweepRegistration
{
    /// <summary>The reconciliation sweep on an interval (<c>--Sweep:Interval=00:00:30</c>); grace and paging are the app's <c>Orders:Sweep</c>.</summary>
    public static IServiceCollection AddOverdueSweeper(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SweepScheduleOptions>()
            .Bind(configuration.GetSection(SweepScheduleOptions.Section))
            .Validate(options => options.Interval > TimeSpan.Zero, "Sweep:Interval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SweepTotals>();
        services.AddHostedService<OverdueSweeper>();
        return services;
    }
}
