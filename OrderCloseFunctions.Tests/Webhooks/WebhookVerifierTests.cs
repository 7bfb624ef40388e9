using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OrderClose.LocalRunner.Events;
using OrderClose.Tools.Webhooks;

namespace OrderClose.Tests.Webhooks;

/// <summary>The consumer's check of a webhook POST (docs/webhook.md) against what the runner signs.</summary>
public sealed class WebhookVerifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private const string Body = """{"id":"T1:1:cancelled"}""";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public void What_the_runner_signs_is_authentic()
    {
        var signature = new WebhookSignature(_key).Sign(Now, Body, out var timestamp);

        Assert.True(Verifier().Authentic(timestamp, signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Another_key_another_body_another_timestamp_or_no_header_is_refused()
    {
        var signature = new WebhookSignature(_key).Sign(Now, Body, out var timestamp);
        var body = Encoding.UTF8.GetBytes(Body);

        Assert.False(new WebhookVerifier(RandomNumberGenerator.GetBytes(32), _clock).Authentic(timestamp, signature, body));
        Assert.False(Verifier().Authentic(timestamp, signature, Encoding.UTF8.GetBytes(Body.Replace("T1", "T2"))));
        Assert.False(Verifier().Authentic((long.Parse(timestamp) - 1).ToString(), signature, body));
        Assert.False(Verifier().Authentic(null, signature, body));
        Assert.False(Verifier().Authentic(timestamp, null, body));
        Assert.False(Verifier().Authentic(timestamp, signature.ToUpperInvariant(), body));
    }

    [Fact]
    public void A_post_signed_five_minutes_or_more_ago_is_refused_as_a_replay()
    {
        var signature = new WebhookSignature(_key).Sign(Now, Body, out var timestamp);
        var body = Encoding.UTF8.GetBytes(Body);

        _clock.Advance(WebhookVerifier.Freshness - TimeSpan.FromSeconds(1));
        Assert.True(Verifier().Authentic(timestamp, signature, body));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(Verifier().Authentic(timestamp, signature, body));
    }

    private WebhookVerifier Verifier() => new(_key, _clock);
}
