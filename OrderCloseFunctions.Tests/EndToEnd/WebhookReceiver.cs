using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrderClose.Tests.EndToEnd;

/// <summary>One POST the receiver got: the headers a receiver checks, and the body.</summary>
public sealed record WebhookPost(string? ContentType, string? Timestamp, string? Signature, string Body, int Answered);

/// <summary>A webhook receiver on loopback: records every POST and answers what <see cref="Answer"/> says (by POST number, from 1).</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<WebhookPost> _posts = new();
    private int _count;

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
        _app.Run(AnswerAsync);
    }

    public Uri Url => new(_app.Urls.Single() + "/hooks/orders");

    public Func<int, int> Answer { get; set; } = _ => StatusCodes.Status204NoContent;

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
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        var status = Answer(Interlocked.Increment(ref _count));
        _posts.Enqueue(new WebhookPost(context.Request.ContentType, context.Request.Headers["X-OrderClose-Timestamp"],
            context.Request.Headers["X-OrderClose-Signature"], body, status));
        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
