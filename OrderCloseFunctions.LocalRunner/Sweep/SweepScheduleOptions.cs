namespace OrderClose.LocalRunner.Sweep;

/// <summary>How often the runner sweeps (section <c>Sweep</c>), in place of the timer function's NCRONTAB schedule.</summary>
public sealed class SweepScheduleOptions
{
    public const string Section = "Sweep";

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}
