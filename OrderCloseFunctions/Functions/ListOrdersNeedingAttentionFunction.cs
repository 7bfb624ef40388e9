using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrderClose.Functions.Http;
using OrderClose.Orders;

namespace OrderClose.Functions;

/// <summary>
/// For an operator (README: "Orders that need a look"): a page of the orders whose refund is not SUCCEEDED
/// (<c>attention=refund</c>) or that are still NEW past their deadline and the sweep's grace (<c>attention=overdue</c>).
/// Admin key only; reads only.
/// </summary>
public sealed class ListOrdersNeedingAttentionFunction(ListOrdersNeedingAttention list)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    [Function("ListOrdersNeedingAttention")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "ops/orders")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var attention = QueryParameters.Single(request.Query, "attention") switch
        {
            "refund" => Attention.Refund,
            "overdue" => Attention.Overdue,
            _ => (Attention?)null,
        };
        if (attention is null)
        {
            errors["attention"] = ["Required, once: refund (orders whose refund is not SUCCEEDED) or overdue (orders NEW past their deadline and the sweep's grace)."];
        }
        var limit = (int)QueryParameters.WholeNumber(request.Query, "limit", DefaultLimit, 1, MaxLimit, errors);
        var continuation = QueryParameters.Single(request.Query, "continuationToken");
        if (request.Query["continuationToken"].Count > 1)
        {
            errors["continuationToken"] = ["At most once."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        try
        {
            var page = await list.ListAsync(attention!.Value, limit, string.IsNullOrEmpty(continuation) ? null : continuation, cancellationToken);
            return new OkObjectResult(OrderPageResponse.From(page));
        }
        catch (InvalidContinuationException)
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["continuationToken"] = ["Not a continuationToken of this list: pass the one the previous page of the same attention answered, or none to start over."],
            });
        }
        catch (DependencyUnavailableException)
        {
            return Problems.Unavailable(request.HttpContext.Response, "The orders could not be read. Retry later.");
        }
    }
}
