namespace OrderClose.Tools.Faults;

/// <summary>The faults that can be injected, by port. A kind's name is its port, a dot, and what goes wrong.</summary>
public static class FaultKinds
{
    public const string Store = "store";
    public const string Scheduler = "scheduler";
    public const string Provider = "provider";
    /// <summary>Publishing an order event after its compare-and-set (the outbox's publish step).</summary>
    public const string Events = "events";
    /// <summary>The storefront's webhook receiver, which the runner POSTs each event to: it lives in chaos, so a child process gets these too.</summary>
    public const string Webhook = "webhook";
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
    public const string EventsPublishFailure = "events.publishFailure";
    public const string EventsLostAck = "events.lostAck";
    public const string Webhook5xx = "webhook.5xx";
    public const string WebhookDrop = "webhook.drop";

    public static readonly string[] Ports = [Store, Scheduler, Provider, Events, Webhook, Restart];

    /// <summary>The ports a runner in a child process can get faults on: nothing of ours runs inside it, so only those outside it.</summary>
    public static readonly string[] OutsideTheRunner = [Webhook, Restart];

    public static readonly string[] All =
    [
        StoreError, StoreTimeout, StoreLostRace,
        SchedulerSendFailure, SchedulerDuplicate, SchedulerDelay,
        ProviderTimeout, Provider5xx, ProviderWrongAnswer,
        EventsPublishFailure, EventsLostAck,
        Webhook5xx, WebhookDrop,
        Restart,
    ];

    public static string PortOf(string kind) => kind.Split('.')[0];
}
