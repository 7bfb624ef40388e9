using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrderClose.Functions.Http;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Functions;

public sealed class GetOrderFunction(IOrderStore store)
{
    [Function("GetOrder")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "orders/{outTradeNo}")] HttpRequest request,
        string outTradeNo,
        CancellationToken cancellationToken)
    {
        if (!OutTradeNumbers.IsValid(outTradeNo))
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["outTradeNo"] = [$"1 to {OutTradeNumbers.MaxLength} letters, digits, '_' or '-'."],
            });
        }

        StoredOrder? stored;
        try
        {
            stored = await store.FindAsync(outTradeNo, cancellationToken);
        }
        catch (DependencyUnavailableException)
        {
            return Problems.Unavailable(request.HttpContext.Response, "The order could not be read. Retry later.");
        }

        return stored is null
            ? Problems.Status(StatusCodes.Status404NotFound, "No such order.", $"There is no order {outTradeNo}.")
            : new OkObjectResult(OrderResponse.From(stored.Order));
    }
}
