using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OrderClose.Tests.Support;

/// <summary>Builds requests and runs action results through ASP.NET Core's executors, as the Functions host does.</summary>
public static class HttpTesting
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();

    public static HttpRequest Request(string method, string? body = null, string contentType = "application/json")
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = method;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = contentType;
        }
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    public static HttpRequest Request(string method, byte[] body, string contentType = "application/json")
    {
        var request = Request(method);
        request.ContentType = contentType;
        request.Body = new MemoryStream(body);
        return request;
    }

    public static async Task<HttpAnswer> ExecuteAsync(this IActionResult result, HttpRequest request)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return new HttpAnswer(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers, body);
    }
}

public sealed record HttpAnswer(int Status, string? ContentType, IHeaderDictionary Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The content type without its parameters (charset).</summary>
    public string? MediaType => ContentType is null ? null : Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(ContentType).MediaType.Value;
}
