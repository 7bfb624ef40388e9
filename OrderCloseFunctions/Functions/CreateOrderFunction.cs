using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrderClose.Functions.Http;
using OrderClose.Orders;

namespace OrderClose.Functions;

public sealed class CreateOrderFunction(CreateOrderValidator validator, PlaceOrder placeOrder)
{

    [Function("CreateOrder")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (body, error) = await RequestBody.ReadJsonTextAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        CreateOrderRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<CreateOrderRequest>(body!, RequestJson.Options);
        }
        catch (JsonException exception)
        {
            return Problems.Of(ProblemTypes.MalformedJson,
                exception.Path is null ? "The body is not valid JSON." : $"Invalid JSON value at {exception.Path}.");
        }
        if (parsed is null)
        {
            return Problems.Of(ProblemTypes.MalformedJson, "Send a JSON object.");
        }

        var command = validator.Validate(parsed, out var errors);
        if (command is null)
        {
            return Problems.Validation(errors);
        }

        PlaceOrderResult result;
        try
        {
            result = await placeOrder.HandleAsync(command, cancellationToken);
        }
        catch (DependencyUnavailableException)
        {
            return Problems.Unavailable(request.HttpContext.Response, "The order was not placed. Retrying the same request is safe.");
        }

        var order = OrderResponse.From(result.Order);
        return result.Status switch
        {
            PlaceOrderStatus.Created => new CreatedResult($"/api/orders/{order.OutTradeNo}", order),
            PlaceOrderStatus.AlreadyPlaced => new OkObjectResult(order),
            _ => Problems.Of(ProblemTypes.OrderNumberTaken,
                $"Order {order.OutTradeNo} already exists with other details."),
        };
    }
}
