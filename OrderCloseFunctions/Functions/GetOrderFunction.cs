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
            return Problems.InvalidOrderNumber();
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
            ? Problems.Of(ProblemTypes.OrderNotFound, $"There is no order {outTradeNo}.")
            : new OkObjectResult(OrderResponse.From(stored.Order));
    }
}
