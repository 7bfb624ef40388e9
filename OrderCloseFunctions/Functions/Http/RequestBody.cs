using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OrderClose.Functions.Http;

/// <summary>Reads a request body as UTF-8 text, refusing more than a bound (413) rather than buffering it all.</summary>
public static class RequestBody
{
    public const int MaxBytes = 16 * 1024;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(string? Text, IActionResult? Error)> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length
               && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
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
