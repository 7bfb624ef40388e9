namespace OrderClose.Tools.Chaos;

/// <summary>The runner's settings under chaos, in process or in a child process alike.</summary>
public static class ChaosSettings
{
    /// <summary>How long the retries of one close may take in all (<c>Orders:CloseRetry:MaxTotal</c>).</summary>
    public static readonly TimeSpan RetryBudget = TimeSpan.FromMinutes(2);

    /// <summary>Retries short and sweeps frequent, so a run ends in seconds rather than hours; the mechanisms are the same.</summary>
    private static readonly string[] Runner =
    [
        "--Logging:LogLevel:Default=None",
        "--Logging:LogLevel:Microsoft=None",
        "--Orders:CloseRetry:BaseDelay=00:00:00.200",
        "--Orders:CloseRetry:MaxDelay=00:00:02",
        $"--Orders:CloseRetry:MaxTotal={RetryBudget:c}",
        "--Orders:Sweep:Grace=00:00:03",
        "--Orders:Sweep:RefundGrace=00:00:03",
        "--Orders:Sweep:EventGrace=00:00:02",
        "--Orders:Sweep:MaxOrdersPerRun=5000",
        "--Sweep:Interval=00:00:01",
        "--CloseQueue:LockDuration=00:00:03",
        // A failed webhook POST is retried within a second, not a minute; the resilience handler's own retry and
        // circuit breaker are kept, shortened, so delivery stays in order behind a failing event without stalling the run.
        "--Events:WebhookRetryDelay=00:00:00.050",
        "--Events:WebhookMaxRetryDelay=00:00:01",
        "--Events:WebhookResilience:Retry:MaxRetryAttempts=1",
        "--Events:WebhookResilience:Retry:Delay=00:00:00.020",
        "--Events:WebhookResilience:CircuitBreaker:BreakDuration=00:00:00.500",
    ];

    /// <summary>
    /// The settings a run's runner gets beside chaos's own: its webhook pointed at <paramref name="webhook"/>, the
    /// late-payment policy asked for, then <paramref name="settings"/> from the command line, which win.
    /// </summary>
    public static IReadOnlyList<string> For(ChaosOptions options, ChaosWebhook webhook, IReadOnlyList<string> settings) =>
        [webhook.RunnerSetting, $"--Orders:LatePayments={options.LatePayments}", .. settings];

    /// <summary>Chaos's settings, then <paramref name="settings"/> from the command line, which win.</summary>
    public static IReadOnlyList<string> With(IReadOnlyList<string> settings) => [.. Runner, .. settings];
}
