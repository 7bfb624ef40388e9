namespace OrderClose.Tools.Chaos;

/// <summary>
/// A client that does what a shop's client should: sends a request again when the runner is down (restarting) or
/// answers 5xx (an injected fault). Every call the driver makes is safe to repeat.
/// </summary>
public sealed class RetryingHandler(TimeSpan patience) : DelegatingHandler(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var giveUpAt = DateTimeOffset.UtcNow + patience;
        while (true)
        {
            try
            {
                var response = await base.SendAsync(await CopyAsync(request), cancellationToken);
                try
                {
                    // Read here, so that a connection dropped halfway through the body is retried too.
                    await response.Content.LoadIntoBufferAsync(cancellationToken);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
                if ((int)response.StatusCode < 500 || DateTimeOffset.UtcNow > giveUpAt)
                {
                    return response;
                }
                response.Dispose();
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException && DateTimeOffset.UtcNow <= giveUpAt)
            {
            }
            await Task.Delay(Pause, cancellationToken);
        }
    }

    private static async Task<HttpRequestMessage> CopyAsync(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri);
        if (request.Content is not null)
        {
            var content = new ByteArrayContent(await request.Content.ReadAsByteArrayAsync());
            foreach (var header in request.Content.Headers)
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            copy.Content = content;
        }
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return copy;
    }
}
