using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.Payments.WeChatPay;

/// <summary>Stands in for the app's callback endpoint on loopback: keeps every callback posted to it and answers as scripted.</summary>
internal sealed class CallbackCatcher : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, NotificationRequest Request)> _callbacks = new();

    private CallbackCatcher(WebApplication app)
    {
        _app = app;
        _app.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString());
            _callbacks.Enqueue((context.Request.Path, new NotificationRequest(body, headers)));
            context.Response.StatusCode = Answer(_callbacks.Count);
        });
    }

    public Uri BaseUrl => new(_app.Urls.Single() + "/");

    /// <summary>The status of the answer to the n-th callback (from 1); 204 unless scripted.</summary>
    public Func<int, int> Answer { get; set; } = _ => StatusCodes.Status204NoContent;

    public IReadOnlyCollection<(string Path, NotificationRequest Request)> Callbacks => _callbacks;

    public static async Task<CallbackCatcher> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var catcher = new CallbackCatcher(builder.Build());
        await catcher._app.StartAsync();
        return catcher;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
