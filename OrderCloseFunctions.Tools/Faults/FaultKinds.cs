namespace OrderClose.Tools.Faults;

/// <summary>The faults that can be injected, by port. A kind's name is its port, a dot, and what goes wrong.</summary>
public static class FaultKinds
{
    public const string Store = "store";
    public const string Scheduler = "scheduler";
    public const string Provider = "provider";
    /// <summary>Stopping the runner mid-run and starting it again on its data: a port of its own, and its only kind.</summary>
    public const string Restart = "restart";

    public const string StoreError = "store.error";
    public const string StoreTimeout = "store.timeout";
    public const string StoreLostRace = "store.lostRace";
    public const string SchedulerSendFailure = "scheduler.sendFailure";
    public const string SchedulerDuplicate = "scheduler.duplicate";
    public const string SchedulerDelay = "scheduler.delay";
    public const string ProviderTimeout = "provider.timeout";
    public const string Provider5xx = "provider.5xx";
    public const string ProviderWrongAnswer = "provider.wrongAnswer";

    public static readonly string[] Ports = [Store, Scheduler, Provider, Restart];

    public static readonly string[] All =
    [
        StoreError, StoreTimeout, StoreLostRace,
        SchedulerSendFailure, SchedulerDuplicate, SchedulerDelay,
        ProviderTimeout, Provider5xx, ProviderWrongAnswer,
        Restart,
    ];

    public static string PortOf(string kind) => kind.Split('.')[0];
}
