using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrderClose.LocalRunner.Events;
using OrderClose.Tools.Webhooks;

namespace OrderClose.Tests.EndToEnd;

/// <summary>
/// The runner's event webhook over real HTTP to a loopback receiver: each event POSTed as a CloudEvent, signed as the
/// README says (checked by a consumer's <see cref="WebhookVerifier"/>, not with the runner's code), retried while the receiver fails,
/// and resumed from its cursor after a restart.
/// </summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("orderclose-webhook-");
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task Each_event_is_posted_as_the_topic_holds_it_with_a_signature_a_receiver_can_verify()
    {
        await using var runner = await StartRunnerAsync();
        using var created = await runner.CreateAsync("WH-1", timeoutSeconds: 1);
        await runner.WaitUntilSettledAsync("WH-1");

        var post = await WaitForPostsAsync(1);

        var topic = (await runner.EventsAsync()).Single().GetProperty("event");
        Assert.Equal("WH-1:1:cancelled", JsonDocument.Parse(post.Body).RootElement.GetProperty("id").GetString());
        Assert.Equal(topic.ToString(), JsonDocument.Parse(post.Body).RootElement.ToString());
        Assert.Equal("application/cloudevents+json; charset=utf-8", post.ContentType);
        Assert.True(SignatureVerifies(KeyOf(runner), post), $"{post.Timestamp} {post.Signature}");
        Assert.InRange(long.Parse(post.Timestamp!), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.False(SignatureVerifies(RandomNumberGenerator.GetBytes(32), post));
        Assert.False(SignatureVerifies(KeyOf(runner), post with { RawBody = Encoding.UTF8.GetBytes(post.Body.Replace("WH-1", "WH-2")) }));
    }

    [Fact]
    public async Task An_event_the_receiver_fails_is_posted_again_until_it_is_acknowledged()
    {
        _receiver.Answer = post => post.Number <= 3 ? 500 : 204;
        await using var runner = await StartRunnerAsync();
        using var created = await runner.CreateAsync("WH-RETRY", timeoutSeconds: 1);

        await WaitForPostsAsync(4);
        await Task.Delay(300);

        var posts = _receiver.Posts.ToList();
        Assert.Equal([500, 500, 500, 204], posts.Select(p => p.Answered));
        Assert.All(posts, post => Assert.Equal("WH-RETRY:1:cancelled", JsonDocument.Parse(post.Body).RootElement.GetProperty("id").GetString()));
        Assert.All(posts, post => Assert.True(SignatureVerifies(KeyOf(runner), post)));
    }

    [Fact]
    public async Task After_a_restart_delivery_resumes_after_the_last_acknowledged_event_under_the_same_key()
    {
        string key;
        await using (var first = await StartRunnerAsync())
        {
            using var created = await first.CreateAsync("WH-BEFORE", timeoutSeconds: 1);
            await WaitForPostsAsync(1);
            key = Convert.ToBase64String(KeyOf(first));
            // The receiver goes down: the next event waits in the topic.
            _receiver.Answer = _ => 503;
            using var next = await first.CreateAsync("WH-DURING", timeoutSeconds: 1);
            await first.WaitUntilSettledAsync("WH-DURING");
            await WaitForPostsAsync(2);
        }
        _receiver.Answer = _ => 204;

        await using var second = await StartRunnerAsync();
        var acknowledged = await WaitForAcknowledgedAsync(2);

        Assert.Equal(["WH-BEFORE:1:cancelled", "WH-DURING:1:cancelled"], acknowledged.Select(IdOf));
        Assert.Equal(key, Convert.ToBase64String(KeyOf(second)));
        Assert.All(_receiver.Posts, post => Assert.True(SignatureVerifies(KeyOf(second), post)));
        await Task.Delay(500);
        Assert.Single(_receiver.Posts, post => IdOf(post) == "WH-BEFORE:1:cancelled");
    }

    private static bool SignatureVerifies(byte[] key, WebhookPost post) => new WebhookVerifier(key, TimeProvider.System).Authentic(post);

    private static byte[] KeyOf(RunningRunner runner) => Convert.FromBase64String(runner.Service<WebhookSignature>().KeyText);

    private static string? IdOf(WebhookPost post) => JsonDocument.Parse(post.Body).RootElement.GetProperty("id").GetString();

    private Task<RunningRunner> StartRunnerAsync() => RunningRunner.StartAsync(_data.FullName,
        $"--Events:WebhookUrl={_receiver.Url}", "--Events:WebhookRetryDelay=00:00:00.050", "--Events:WebhookMaxRetryDelay=00:00:00.200",
        "--Events:WebhookResilience:Retry:MaxRetryAttempts=1", "--Events:WebhookResilience:Retry:Delay=00:00:00.010");

    private async Task<WebhookPost> WaitForPostsAsync(int count)
    {
        var giveUpAt = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (_receiver.Posts.Count < count)
        {
            Assert.True(DateTime.UtcNow < giveUpAt, $"{_receiver.Posts.Count} of {count} posts came.");
            await Task.Delay(50);
        }
        return _receiver.Posts.ElementAt(count - 1);
    }

    private async Task<List<WebhookPost>> WaitForAcknowledgedAsync(int count)
    {
        var giveUpAt = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (_receiver.Posts.Count(post => post.Answered < 300) < count)
        {
            Assert.True(DateTime.UtcNow < giveUpAt, "Not every event was acknowledged.");
            await Task.Delay(50);
        }
        return [.. _receiver.Posts.Where(post => post.Answered < 300)];
    }
}
