using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OrderClose.Functions.Http;

/// <summary>Reads a request body as UTF-8 text, refusing more than a bound (413) rather than buffering it all.</summary>
public static class RequestBody
{
    public const int MaxBytes = 16 * 1024;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Like <see cref="ReadTextAsync"/>, for a body that must be JSON: any other, or no, Content-Type is 415.</summary>
    public static Task<(string? Text, IActionResult? Error)> ReadJsonTextAsync(HttpRequest request, CancellationToken cancellationToken) =>
        IsJson(request.ContentType)
            ? ReadTextAsync(request, cancellationToken)
            : Task.FromResult<(string?, IActionResult?)>((null, Problems.Of(ProblemTypes.UnsupportedMediaType,
                $"Send the body as application/json, not {(string.IsNullOrEmpty(request.ContentType) ? "without a Content-Type" : "as " + request.ContentType)}.")));

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    public static async Task<(string? Text, IActionResult? Error)> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        try
        {
            int read;
            while (length < buffer.Length
                   && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's framing is broken (Kestrel's BadHttpRequestException, an IOException: e.g. a chunk size of
            // 2^31 or more) or it went away mid-body: its error, not ours, so a 400 and no stack trace in the logs.
            return (null, Problems.Of(ProblemTypes.BodyUnreadable, "The request body is malformed (e.g. its chunked encoding) or was cut off."));
        }
        if (length > MaxBytes)
        {
            return (null, TooLarge());
        }

        try
        {
            return (Strict.GetString(buffer, 0, length), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, Problems.Of(ProblemTypes.BodyNotUtf8, "Send the body as UTF-8 text."));
        }
    }

    private static ObjectResult TooLarge() => Problems.Of(
        ProblemTypes.BodyTooLarge, $"The body may not exceed {MaxBytes} bytes.");
}
