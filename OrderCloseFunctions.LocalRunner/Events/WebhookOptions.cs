namespace OrderClose.LocalRunner.Events;

/// <summary>The runner's event webhook (section <c>Events</c>): off unless <see cref="WebhookUrl"/> is set.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Events";

    /// <summary>Where each event of the local topic is POSTed, in order, at least once; absolute http or https.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The wait after a failed delivery; it doubles with each failure of the same event.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap on that wait.</summary>
    public TimeSpan WebhookMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
