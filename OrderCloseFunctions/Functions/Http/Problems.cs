using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OrderClose.Orders;

namespace OrderClose.Functions.Http;

/// <summary>
/// The one place that builds RFC 9457 problem details: <c>type</c> (a <see cref="ProblemType"/>'s URI), <c>title</c>,
/// <c>status</c>, <c>detail</c>, and <c>traceId</c>, the current activity's id, so a report can be found in the traces.
/// </summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";
    public const string TraceIdKey = "traceId";

    public static ObjectResult Of(ProblemType type, string detail) => new ProblemResult(Details(new ProblemDetails(), type, detail));

    /// <summary>400 <see cref="ProblemTypes.Validation"/>, with what is wrong with each field in <c>errors</c>.</summary>
    public static ObjectResult Validation(IDictionary<string, string[]> errors) => new ProblemResult(Details(
        new ValidationProblemDetails(errors), ProblemTypes.Validation, "See errors: what is wrong with each field."));

    /// <summary>400 <see cref="ProblemTypes.Validation"/> of an order number in a route.</summary>
    public static ObjectResult InvalidOrderNumber() => Validation(new Dictionary<string, string[]>
    {
        ["outTradeNo"] = [$"1 to {OutTradeNumbers.MaxLength} letters, digits, '_' or '-'."],
    });

    /// <summary>A dependency is down: the client should retry; the retry is safe.</summary>
    public static ObjectResult Unavailable(HttpResponse response, string detail)
    {
        response.Headers.RetryAfter = "5";
        return Of(ProblemTypes.Unavailable, detail);
    }

    private static ProblemDetails Details(ProblemDetails problem, ProblemType type, string detail)
    {
        problem.Type = type.Uri;
        problem.Title = type.Title;
        problem.Status = type.Status;
        problem.Detail = detail;
        return problem;
    }

    /// <summary>Adds the trace id when the answer is written, where the request's activity (or, failing that, its id) is known.</summary>
    private sealed class ProblemResult : ObjectResult
    {
        public ProblemResult(ProblemDetails problem) : base(problem)
        {
            StatusCode = problem.Status;
            ContentTypes.Add(ContentType);
        }

        public override void OnFormatting(ActionContext context)
        {
            base.OnFormatting(context);
            ((ProblemDetails)Value!).Extensions[TraceIdKey] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        }
    }
}
