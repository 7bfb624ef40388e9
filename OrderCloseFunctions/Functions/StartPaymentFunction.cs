using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrderClose.Contracts;
using OrderClose.Functions.Http;
using OrderClose.Orders;

namespace OrderClose.Functions;

/// <summary>
/// The storefront asks where its buyer pays an order: the provider's cashier URL (or a code URL), signed by OrderClose
/// and expiring at the order's deadline. The storefront never starts a payment itself.
/// </summary>
public sealed class StartPaymentFunction(StartPayment startPayment)
{

    [Function("StartPayment")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{outTradeNo}/payment")] HttpRequest request,
        string outTradeNo,
        CancellationToken cancellationToken)
    {
        var (body, error) = await RequestBody.ReadJsonTextAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        StartPaymentRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<StartPaymentRequest>(body!, RequestJson.Options);
        }
        catch (JsonException)
        {
            return Problems.Of(ProblemTypes.MalformedJson, "Send a JSON object: the payment request.");
        }

        var errors = new Dictionary<string, string[]>();
        if (!OutTradeNumbers.IsValid(outTradeNo))
        {
            errors["outTradeNo"] = [$"1 to {OutTradeNumbers.MaxLength} letters, digits, '_' or '-'."];
        }
        if (parsed?.Channel is not { Length: > 0 })
        {
            errors["channel"] = ["Required: how the buyer pays, e.g. page or wap."];
        }
        var returnUrl = ReturnUrls.Parse(parsed?.ReturnUrl, out var returnUrlError);
        if (returnUrlError is not null)
        {
            errors["returnUrl"] = [returnUrlError];
        }
        var payerIp = PayerClientIps.Parse(parsed?.PayerClientIp, out var payerIpError);
        if (payerIpError is not null)
        {
            errors["payerClientIp"] = [payerIpError];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        StartPaymentResult result;
        try
        {
            result = await startPayment.HandleAsync(outTradeNo, parsed!.Channel!, returnUrl, payerIp, cancellationToken);
        }
        catch (DependencyUnavailableException)
        {
            return Problems.Unavailable(request.HttpContext.Response, "The payment was not started. Retrying the same request is safe.");
        }
        catch (PaymentProviderRejectedException exception)
        {
            return Problems.Of(ProblemTypes.PaymentRefused, exception.Message);
        }

        return result.Status switch
        {
            StartPaymentStatus.Started => new OkObjectResult(PaymentStartResponse.From(result.Order!, parsed.Channel!, result.Payment!)),
            StartPaymentStatus.UnknownOrder => Problems.Of(ProblemTypes.OrderNotFound, $"There is no order {outTradeNo}."),
            StartPaymentStatus.NotNew => Problems.Of(ProblemTypes.OrderNotPayable,
                $"Order {outTradeNo} is {OrderStateNames.Name(result.Order!.State)}."),
            StartPaymentStatus.TooLate => Problems.Of(ProblemTypes.TooLateToPay,
                $"Order {outTradeNo} must be paid by {result.Order!.PayDeadline.UtcDateTime:o}; that leaves the buyer too little time."),
            StartPaymentStatus.UnknownPayType => Problems.Of(ProblemTypes.PayTypeNotServed,
                $"No payment provider serves pay type {result.Order!.PayType}."),
            StartPaymentStatus.PayerIpRequired => Problems.Validation(new Dictionary<string, string[]>
            {
                ["payerClientIp"] = [$"Required for channel {parsed.Channel} of {result.Order!.PayType}: the buyer's IP address, as the storefront saw it."],
            }),
            _ => Problems.Validation(new Dictionary<string, string[]>
            {
                ["channel"] = [$"{result.Order!.PayType} takes: {string.Join(", ", result.Channels!)}."],
            }),
        };
    }
}
