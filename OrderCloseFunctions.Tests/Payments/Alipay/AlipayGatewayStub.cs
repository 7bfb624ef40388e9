using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrderClose.Payments.Alipay;

namespace OrderClose.Tests.Payments.Alipay;

/// <summary>
/// The Alipay gateway on loopback. Like Alipay's, it reads the parameters from the URL query and the form body alike
/// (the official SDKs put the common ones in the query). Like Alipay, it answers a request whose signature is not the app's with a signed
/// <c>isv.invalid-signature</c> error, so every test that succeeds proves the request was signed right.
/// Otherwise it answers what <see cref="Respond"/> scripts.
/// </summary>
internal sealed class AlipayGatewayStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AlipaySigner _alipay = TestKeys.AlipaySide();
    private readonly ConcurrentQueue<GatewayRequest> _requests = new();

    private AlipayGatewayStub(WebApplication app)
    {
        _app = app;
        _app.MapPost("/gateway.do", AnswerAsync);
    }

    public Uri Url => new(_app.Urls.Single() + "/gateway.do");

    public Func<GatewayRequest, GatewayReply> Respond { get; set; } = _ => new GatewayReply(500, "no reply scripted");

    public IReadOnlyCollection<GatewayRequest> Requests => _requests;

    public static async Task<AlipayGatewayStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var stub = new AlipayGatewayStub(builder.Build());
        await stub._app.StartAsync();
        return stub;
    }

    /// <summary>Answers every call with <paramref name="payloadJson"/> as the method's signed response.</summary>
    public void AnswerEveryCall(string payloadJson) => Respond = request => Signed(request.Method, payloadJson);

    /// <summary>
    /// A response as Alipay sends it: <paramref name="payloadJson"/>, verbatim, under <c>{method}_response</c>,
    /// signed over its exact text.
    /// </summary>
    public GatewayReply Signed(string method, string payloadJson) =>
        new(200, $$"""{"{{method.Replace('.', '_')}}_response":{{payloadJson}},"sign":"{{_alipay.Sign(payloadJson)}}"}""");

    private async Task AnswerAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        var fields = context.Request.Query.Concat(form).ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);
        var signatureValid = fields.GetValueOrDefault("sign_type") == "RSA2"
            && _alipay.Verify(AlipaySigner.RequestString(fields, "sign"), fields.GetValueOrDefault("sign"));
        var request = new GatewayRequest(fields, signatureValid);
        _requests.Enqueue(request);

        var reply = signatureValid
            ? Respond(request)
            : Signed(request.Method, """{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-signature","sub_msg":"验签出错"}""");
        await Task.Delay(reply.Delay, context.RequestAborted);
        context.Response.StatusCode = reply.StatusCode;
        context.Response.ContentType = "application/json;charset=utf-8";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _alipay.Dispose();
    }
}
