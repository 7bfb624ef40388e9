using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OrderClose.Functions.Http;

/// <summary>RFC 9457 problem details results.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static ObjectResult Status(int status, string title, string detail) =>
        Result(status, new ProblemDetails { Status = status, Title = title, Detail = detail });

    public static ObjectResult Validation(IDictionary<string, string[]> errors) =>
        Result(StatusCodes.Status400BadRequest, new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
        });

    /// <summary>A dependency is down: the client should retry; the retry is safe.</summary>
    public static ObjectResult Unavailable(HttpResponse response, string detail)
    {
        response.Headers.RetryAfter = "5";
        return Status(StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable; retry later.", detail);
    }

    private static ObjectResult Result(int status, ProblemDetails problem)
    {
        var result = new ObjectResult(problem) { StatusCode = status };
        result.ContentTypes.Add(ContentType);
        return result;
    }
}
