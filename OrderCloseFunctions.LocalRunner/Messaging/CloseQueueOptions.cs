namespace OrderClose.LocalRunner.Messaging;

/// <summary>The local close queue's settings, as the Service Bus queue and the trigger's host.json have them.</summary>
public sealed class CloseQueueOptions
{
    /// <summary>After this many deliveries a message is dead-lettered instead of delivered again.</summary>
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>How long a delivered message stays locked; unsettled by then, it is delivered again.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many closes run at once, as host.json's <c>maxConcurrentCalls</c> does per Azure instance. Not host.json's 16:
    /// a close here waits on SQLite's group commits (about seven in a row), not on the network, so its throughput is this
    /// many closes per commit cycle; with 16 the closes fell seconds behind an idle CPU (docs/benchmarks.md).
    /// </summary>
    public int MaxConcurrentCalls { get; set; } = 64;

    /// <summary>A message whose MessageId was sent within this window is dropped. Must not exceed Orders:MinPaymentTimeout (README).</summary>
    public TimeSpan DuplicateDetectionWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Closes first: while a due close has waited longer than this for the dispatcher, a new order waits at admission
    /// (<see cref="CloseFirstAdmission"/>). A long value (<c>01:00:00</c>) turns that off.
    /// </summary>
    public TimeSpan AdmissionMaxLag { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a new order waits at admission for the closes to catch up before it is answered 503 with <c>Retry-After</c>.</summary>
    public TimeSpan AdmissionMaxWait { get; set; } = TimeSpan.FromSeconds(5);
}
