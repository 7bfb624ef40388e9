namespace OrderClose.Tools.Faults;

/// <summary>Which ports misbehave, how often, and how: the same seed gives every order the same faults.</summary>
public sealed record FaultOptions
{
    /// <summary>What is on: ports (<see cref="FaultKinds.Ports"/>, every kind of theirs) or single kinds (<see cref="FaultKinds.All"/>).</summary>
    public IReadOnlySet<string> Enabled { get; init; } = new HashSet<string>();

    /// <summary>The chance that a call eligible for a fault kind gets it.</summary>
    public double Rate { get; init; } = 0.05;

    public int Seed { get; init; } = 42;

    /// <summary>
    /// The chance that a paid trade's first query gets a wrong answer. Higher than <see cref="Rate"/>: a close queries
    /// a paid trade only when its callback failed, so at the rate few would ever meet one.
    /// </summary>
    public double WrongAnswerRate { get; init; } = 0.5;

    /// <summary>How long a timed-out call hangs before it fails.</summary>
    public TimeSpan TimeoutDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How late a delayed message is delivered.</summary>
    public TimeSpan DeliveryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public bool IsOn(string kind) => Enabled.Contains(kind) || Enabled.Contains(FaultKinds.PortOf(kind));

    /// <summary><c>all</c>, or ports and kinds separated by commas: <c>store,scheduler,provider.wrongAnswer,restart</c>.</summary>
    public static IReadOnlySet<string> Parse(string text)
    {
        if (text == "all")
        {
            return new HashSet<string>(FaultKinds.Ports, StringComparer.Ordinal);
        }
        var enabled = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        return enabled.Count > 0 && enabled.All(name => FaultKinds.Ports.Contains(name) || FaultKinds.All.Contains(name))
            ? enabled
            : throw new ArgumentException($"--faults takes 'all' or some of {string.Join(',', FaultKinds.Ports)} or of {string.Join(',', FaultKinds.All)}.");
    }
}
