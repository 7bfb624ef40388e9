using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace OrderClose.LocalRunner.Hosting;

public static class ActionResultExecution
{
    /// <summary>Writes <paramref name="result"/> to the response with ASP.NET Core's executors, as the Functions host does.</summary>
    public static Task ExecuteAsync(this IActionResult result, HttpContext context) =>
        result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
}
