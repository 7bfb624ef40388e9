using System.Collections.Concurrent;
using System.Text;

namespace OrderClose.Tools.Webhooks;

/// <summary>
/// One POST the receiver got: its number (from 1), the headers a receiver checks, the body's bytes as received, and
/// what it was answered (<see cref="WebhookReceiver.Dropped"/>: the connection was cut instead).
/// </summary>
public sealed record WebhookPost(int Number, string? ContentType, string? Timestamp, string? Signature, byte[] RawBody)
{
    public int Answered { get; init; }

    public string Body => Encoding.UTF8.GetString(RawBody);
}

/// <summary>
/// A webhook receiver on loopback, for the runner's event webhook (<c>--Events:WebhookUrl</c>): records every POST and
/// answers what <see cref="Answer"/> says, or cuts the connection without an answer.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>What <see cref="Answer"/> returns to cut the connection after reading the POST, without answering it.</summary>
    public const int Dropped = 0;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<WebhookPost> _posts = new();
    private int _count;

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
        _app.Run(AnswerAsync);
    }

    public Uri Url => new(_app.Urls.Single() + "/hooks/orders");

    /// <summary>The status code for a POST (any 2xx acknowledges it), or <see cref="Dropped"/>. Called concurrently.</summary>
    public Func<WebhookPost, int> Answer { get; set; } = _ => StatusCodes.Status204NoContent;

    public IReadOnlyCollection<WebhookPost> Posts => _posts;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        await receiver._app.StartAsync();
        return receiver;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = context.Request;
        var post = new WebhookPost(Interlocked.Increment(ref _count), request.ContentType,
            request.Headers["X-OrderClose-Timestamp"], request.Headers["X-OrderClose-Signature"], body.ToArray());
        var status = Answer(post);
        _posts.Enqueue(post with { Answered = status });
        if (status == Dropped)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
