using System.Net.Http.Headers;

namespace OrderClose.LocalRunner.Events;

/// <summary>POSTs one event to the webhook as a structured-mode CloudEvent, signed (<see cref="WebhookSignature"/>).</summary>
public sealed class WebhookSender(HttpClient http, WebhookSignature signature, TimeProvider clock)
{
    public const string ContentType = "application/cloudevents+json";

    /// <summary>Null when the receiver acknowledged the event (2xx); otherwise why not.</summary>
    public async Task<string?> SendAsync(Uri url, TopicEvent orderEvent, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(orderEvent.Json, System.Text.Encoding.UTF8, new MediaTypeHeaderValue(ContentType) { CharSet = "utf-8" }),
        };
        request.Headers.Add(WebhookSignature.SignatureHeader, signature.Sign(clock.GetUtcNow(), orderEvent.Json, out var timestamp));
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"the receiver answered {(int)response.StatusCode}";
        }
        // The resilience handler's own refusals (an attempt timed out, the circuit is open) are failures like the rest.
        catch (Exception exception) when (exception is HttpRequestException or Polly.ExecutionRejectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return exception.Message;
        }
    }
}
