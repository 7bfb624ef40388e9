using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrderClose.Functions.Http;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Functions;

/// <summary>
/// The provider's asynchronous payment callback. Anonymous at the HTTP level: the provider's signature is the
/// authentication. Answers in the provider's own format; anything but "accepted" makes the provider send again.
/// </summary>
public sealed class PaymentNotifyFunction(IPaymentProviders providers, ConfirmPayment confirmPayment)
{
    [Function("PaymentNotify")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "payments/{provider}/notify")] HttpRequest request,
        string provider,
        CancellationToken cancellationToken)
    {
        if (providers.Find(provider) is not { } paymentProvider)
        {
            return Problems.Of(ProblemTypes.UnknownProvider, $"No provider is called '{provider}'.");
        }

        var (body, error) = await RequestBody.ReadTextAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (paymentProvider.Verify(new NotificationRequest(body!, headers)) is not { } notification)
        {
            return Problems.Of(ProblemTypes.NotificationNotAuthentic,
                "Its signature does not verify with the provider's key.");
        }

        ConfirmPaymentStatus status;
        try
        {
            status = await confirmPayment.HandleAsync(notification, cancellationToken);
        }
        catch (DependencyUnavailableException)
        {
            return Reply(paymentProvider, StatusCodes.Status503ServiceUnavailable, accepted: false);
        }

        return status switch
        {
            ConfirmPaymentStatus.UnknownOrder => Reply(paymentProvider, StatusCodes.Status404NotFound, accepted: false),
            ConfirmPaymentStatus.AmountMismatch => Reply(paymentProvider, StatusCodes.Status422UnprocessableEntity, accepted: false),
            _ => Reply(paymentProvider, StatusCodes.Status200OK, accepted: true),
        };
    }

    private static ContentResult Reply(IPaymentProvider provider, int status, bool accepted)
    {
        var reply = provider.Reply(accepted);
        return new ContentResult { StatusCode = status, Content = reply.Body, ContentType = reply.ContentType };
    }
}
