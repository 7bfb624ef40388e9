using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OrderClose.Functions.Http;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Functions;

/// <summary>
/// The provider's asynchronous payment callback. Anonymous at the HTTP level: the provider's signature is the
/// authentication. The provider words the answer (status and body) in its own protocol; anything but "accepted"
/// makes it send again.
/// </summary>
public sealed class PaymentNotifyFunction(IPaymentProviderPicker providers, ConfirmPayment confirmPayment)
{
    [Function("PaymentNotify")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "payments/{provider}/notify")] HttpRequest request,
        string provider,
        CancellationToken cancellationToken)
    {
        if (providers.Find(provider) is not { } paymentProvider)
        {
            return Problems.Of(ProblemTypes.UnknownProvider, "No payment provider goes by the name in the route.");
        }

        var (body, error) = await RequestBody.ReadTextAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (paymentProvider.Verify(new NotificationRequest(body!, headers)) is not { } notification)
        {
            return Reply(paymentProvider, NotificationOutcome.NotAuthentic);
        }

        ConfirmPaymentStatus status;
        try
        {
            status = await confirmPayment.HandleAsync(notification, cancellationToken);
        }
        catch (DependencyUnavailableException)
        {
            return Reply(paymentProvider, NotificationOutcome.Unavailable);
        }

        return Reply(paymentProvider, status switch
        {
            ConfirmPaymentStatus.UnknownOrder => NotificationOutcome.UnknownOrder,
            ConfirmPaymentStatus.AmountMismatch => NotificationOutcome.AmountMismatch,
            _ => NotificationOutcome.Accepted,
        });
    }

    private static IActionResult Reply(IPaymentProvider provider, NotificationOutcome outcome)
    {
        var reply = provider.Reply(outcome);
        // An answer without a body (WeChat Pay's 204) carries no content type either.
        return string.IsNullOrEmpty(reply.Body)
            ? new StatusCodeResult(reply.StatusCode)
            : new ContentResult { StatusCode = reply.StatusCode, Content = reply.Body, ContentType = reply.ContentType };
    }
}
