using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrderClose.Functions.Http;
using OrderClose.Messaging;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Functions;

/// <summary>
/// For an operator, after fixing what made closes fail (README: "Re-driving dead letters"): sends dead-lettered
/// closes again. Admin key only. The route cannot start with <c>admin</c>: the Functions host keeps that for itself.
/// </summary>
public sealed class RedriveDeadLettersFunction(ICloseDeadLetters deadLetters)
{
    public const int DefaultMax = 100;
    public const int MaxMax = 1000;

    [Function("RedriveDeadLetters")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "ops/close-queue/dead-letters/redrive")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var max = (int)QueryParameters.WholeNumber(request.Query, "max", DefaultMax, 1, MaxMax, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        try
        {
            var result = await deadLetters.RedriveAsync(max, cancellationToken);
            return new OkObjectResult(new { redriven = result.Redriven, leftUnreadable = result.Unreadable });
        }
        catch (DependencyUnavailableException)
        {
            return Problems.Unavailable(request.HttpContext.Response, "Some dead letters may have been re-driven; calling again is safe.");
        }
    }
}
