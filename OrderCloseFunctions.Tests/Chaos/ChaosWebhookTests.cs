using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using OrderClose.LocalRunner.Events;
using OrderClose.Tools.Chaos;
using OrderClose.Tools.Faults;

namespace OrderClose.Tests.Chaos;

/// <summary>Chaos's webhook receiver over loopback HTTP: it takes what verifies, refuses what does not, and fails POSTs as its faults say.</summary>
public sealed class ChaosWebhookTests
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly HttpClient _http = new();

    [Fact]
    public async Task A_signed_post_is_taken_once_per_post_and_a_forged_one_is_refused_and_counted()
    {
        await using var webhook = await StartAsync(new FaultPlan(new FaultOptions()));

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(webhook, "T1:1:cancelled", _key));
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(webhook, "T1:1:cancelled", _key));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(webhook, "T2:1:paid", RandomNumberGenerator.GetBytes(32)));

        var deliveries = webhook.Deliveries;
        Assert.Equal((3, 1), (deliveries.Posts, deliveries.NotAuthentic));
        Assert.Equal(new Dictionary<string, int> { ["T1:1:cancelled"] = 2 }, deliveries.Taken);
    }

    [Fact]
    public async Task Before_it_trusts_a_key_every_post_is_answered_503_and_nothing_is_taken()
    {
        await using var webhook = await ChaosWebhook.StartAsync(new FaultPlan(new FaultOptions()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await PostAsync(webhook, "T1:1:cancelled", _key));
        Assert.Empty(webhook.Deliveries.Taken);
        Assert.Equal(0, webhook.Deliveries.NotAuthentic);
    }

    [Fact]
    public async Task A_5xx_fault_answers_500_without_taking_the_event()
    {
        var plan = Always(FaultKinds.Webhook5xx);
        await using var webhook = await StartAsync(plan);

        Assert.Equal(HttpStatusCode.InternalServerError, await PostAsync(webhook, "T1:1:cancelled", _key));
        Assert.Empty(webhook.Deliveries.Taken);
        Assert.Equal(1, plan.Injected[FaultKinds.Webhook5xx]);
    }

    [Fact]
    public async Task A_drop_fault_takes_the_event_and_cuts_the_connection_before_answering()
    {
        var plan = Always(FaultKinds.WebhookDrop);
        await using var webhook = await StartAsync(plan);

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(webhook, "T1:1:cancelled", _key));
        Assert.Equal(1, webhook.Deliveries.Taken["T1:1:cancelled"]);
        Assert.Equal(1, plan.Injected[FaultKinds.WebhookDrop]);
    }

    private static FaultPlan Always(string kind) => new(new FaultOptions { Enabled = FaultOptions.Parse(kind), Rate = 1 });

    private async Task<ChaosWebhook> StartAsync(FaultPlan plan)
    {
        var webhook = await ChaosWebhook.StartAsync(plan);
        webhook.Trust(_key);
        return webhook;
    }

    /// <summary>POSTs an event as the runner does, signed under <paramref name="key"/> by the runner's own signing.</summary>
    private async Task<HttpStatusCode> PostAsync(ChaosWebhook webhook, string id, byte[] key)
    {
        var body = $$"""{"specversion":"1.0","id":"{{id}}"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, new MediaTypeHeaderValue(WebhookSender.ContentType)),
        };
        request.Headers.Add(WebhookSignature.SignatureHeader, new WebhookSignature(key).Sign(DateTimeOffset.UtcNow, body, out var timestamp));
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }
}
