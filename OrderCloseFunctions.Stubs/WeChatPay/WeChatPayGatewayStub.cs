using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrderClose.Stubs.WeChatPay;

/// <summary>
/// The WeChat Pay API v3 on loopback. Like WeChat Pay, it answers a request whose Authorization is not the
/// merchant's valid, fresh signature with 401 <c>SIGN_ERROR</c>, so every test that succeeds proves the request was
/// signed right. Otherwise it answers what <see cref="Respond"/> scripts, signed as WeChat Pay signs.
/// </summary>
public sealed class WeChatPayGatewayStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<StubRequest> _requests = new();

    private WeChatPayGatewayStub(WebApplication app, WeChatPayStubAccount account, TimeProvider clock)
    {
        _app = app;
        Account = account;
        _clock = clock;
        _app.Run(AnswerAsync);
    }

    /// <summary>The merchant whose requests the stub takes, and WeChat Pay's keys it signs with.</summary>
    public WeChatPayStubAccount Account { get; }

    public Uri BaseUrl => new(_app.Urls.Single() + "/");

    public Func<StubRequest, StubReply> Respond { get; set; } = _ => new StubReply(500, "no reply scripted");

    public IReadOnlyCollection<StubRequest> Requests => _requests;

    /// <param name="clock">What the stub signs its timestamps with and checks the requests' against.</param>
    public static async Task<WeChatPayGatewayStub> StartAsync(WeChatPayStubAccount account, TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var stub = new WeChatPayGatewayStub(builder.Build(), account, clock);
        await stub._app.StartAsync();
        return stub;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        var url = context.Request.Path + context.Request.QueryString;
        string? authorization = context.Request.Headers.Authorization;
        var request = new StubRequest(context.Request.Method, url, body, authorization,
            MerchantAuthorization.IsValid(Account, authorization, context.Request.Method, url, body, _clock.GetUtcNow()));
        _requests.Enqueue(request);

        var reply = request.AuthorizationValid ? Respond(request) : StubReply.Error(401, "SIGN_ERROR", "签名错误");
        await Task.Delay(reply.Delay, context.RequestAborted);
        context.Response.StatusCode = reply.Status;
        if (!reply.Unsigned)
        {
            var headers = WeChatPayStubSigning.Headers(Account, reply.SignedText ?? reply.Body, _clock.GetUtcNow() - reply.Age, reply.SigningKey, reply.Serial);
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }
        }
        if (reply.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
