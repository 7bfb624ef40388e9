using System.Collections.Concurrent;
using System.Text.Json;
using OrderClose.LocalRunner.Events;
using OrderClose.Tools.Faults;
using OrderClose.Tools.Webhooks;

namespace OrderClose.Tools.Chaos;

/// <summary>
/// What the webhook receiver saw: every POST, those it refused as not authentic (a signature that does not verify, or
/// no event id in the body), and each event id it took, with how many times.
/// </summary>
public sealed record WebhookDeliveries(long Posts, long NotAuthentic, IReadOnlyDictionary<string, int> Taken);

/// <summary>
/// The storefront's end of the runner's event webhook under chaos: a loopback receiver, outside the runner so it
/// outlives every restart, that checks each POST's signature as a consumer does (<see cref="WebhookVerifier"/>, under
/// the data folder's key, refusing with 401 what does not verify) and then takes the event, counting its id. Faults
/// <see cref="FaultKinds.Webhook5xx"/> (answer 500, the event not taken) and <see cref="FaultKinds.WebhookDrop"/> (the
/// event taken, then the connection cut before the answer, so it comes again) make the runner retry.
/// </summary>
public sealed class ChaosWebhook : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly WebhookReceiver _receiver;
    private readonly FaultPlan _plan;
    private readonly ConcurrentDictionary<string, int> _taken = new(StringComparer.Ordinal);
    private volatile WebhookVerifier? _verifier;
    private long _posts;
    private long _notAuthentic;

    private ChaosWebhook(WebhookReceiver receiver, FaultPlan plan)
    {
        _receiver = receiver;
        _plan = plan;
        receiver.Answer = Answer;
    }

    /// <summary>The setting that points the runner at this receiver.</summary>
    public string RunnerSetting => $"--{WebhookOptions.Section}:{nameof(WebhookOptions.WebhookUrl)}={Url}";

    public WebhookDeliveries Deliveries => new(Interlocked.Read(ref _posts), Interlocked.Read(ref _notAuthentic), new Dictionary<string, int>(_taken, StringComparer.Ordinal));

    public static async Task<ChaosWebhook> StartAsync(FaultPlan plan) => new(await WebhookReceiver.StartAsync(), plan);

    /// <summary>Trusts the runner's webhook key, as its start-up banner shows it (<see cref="Trust"/>).</summary>
    public async Task TrustKeyOfAsync(IChaosRunner host) =>
        Trust(Convert.FromBase64String(await host.WithServicesAsync(services => Task.FromResult(services.GetRequiredService<WebhookSignature>().KeyText))));

    /// <summary>The key to check signatures under; until it is given every POST is answered 503, as by a receiver not set up yet.</summary>
    public void Trust(byte[] key) => _verifier = new WebhookVerifier(key, TimeProvider.System);

    public Uri Url => _receiver.Url;

    /// <summary>True when, before <paramref name="giveUpAt"/>, every event in the runner's topic was taken at least once.</summary>
    public async Task<bool> WaitUntilTakenAllAsync(IChaosRunner host, DateTimeOffset giveUpAt)
    {
        while (DateTimeOffset.UtcNow < giveUpAt)
        {
            var ledger = await host.WithServicesAsync(services => OrderEventLedger.ReadAsync(services.GetRequiredService<SqliteEventTopic>()));
            if (ledger.All.All(orderEvent => _taken.ContainsKey(orderEvent.Id)))
            {
                return true;
            }
            await Task.Delay(Poll);
        }
        return false;
    }

    private int Answer(WebhookPost post)
    {
        Interlocked.Increment(ref _posts);
        if (_verifier is not { } verifier)
        {
            return StatusCodes.Status503ServiceUnavailable;
        }
        if (!verifier.Authentic(post) || IdOf(post) is not { } id)
        {
            Interlocked.Increment(ref _notAuthentic);
            return StatusCodes.Status401Unauthorized;
        }
        if (_plan.Strikes(FaultKinds.Webhook5xx, id))
        {
            return StatusCodes.Status500InternalServerError;
        }
        _taken.AddOrUpdate(id, 1, (_, times) => times + 1);
        return _plan.Strikes(FaultKinds.WebhookDrop, id) ? WebhookReceiver.Dropped : StatusCodes.Status204NoContent;
    }

    private static string? IdOf(WebhookPost post)
    {
        try
        {
            using var json = JsonDocument.Parse(post.RawBody);
            return json.RootElement.GetProperty("id").GetString();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();
}
