using Microsoft.Extensions.Options;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Functions;

/// <summary>Turns a <see cref="CreateOrderRequest"/> into a <see cref="PlaceOrderCommand"/>, or says field by field what is wrong.</summary>
public sealed class CreateOrderValidator(IPaymentProviderPicker providers, IOptions<OrderOptions> options)
{
    /// <summary>Larger than any single payment a provider takes, small enough that no arithmetic on it overflows.</summary>
    public const long MaxAmount = 1_000_000_000_000;

    public PlaceOrderCommand? Validate(CreateOrderRequest request, out Dictionary<string, string[]> errors)
    {
        errors = [];

        if (!OutTradeNumbers.IsValid(request.OutTradeNo))
        {
            errors["outTradeNo"] = [$"Required: 1 to {OutTradeNumbers.MaxLength} letters, digits, '_' or '-'."];
        }

        if (request.Amount is not (> 0 and <= MaxAmount))
        {
            errors["amount"] = [$"Required: a whole number of minor units (e.g. fen, cents) from 1 to {MaxAmount}."];
        }

        var provider = request.PayType is null ? null : providers.Find(request.PayType);
        if (provider is null)
        {
            errors["payType"] = ["Required: a pay type this service supports, e.g. ALIPAY."];
        }

        if (request.Currency is null || !Currencies.IsKnown(request.Currency))
        {
            errors["currency"] = ["Required: an ISO 4217 currency code in capitals, e.g. CNY."];
        }
        else if (provider is not null && !provider.Supports(request.Currency))
        {
            errors["currency"] = [$"{provider.PayType} does not take payments in {request.Currency}."];
        }

        if (request.Subject is { } subject && OrderSubjects.Problem(subject) is { } problem)
        {
            errors["subject"] = [problem];
        }

        var timeout = ValidateTimeout(request.PaymentTimeoutSeconds, provider, errors);

        return errors.Count > 0
            ? null
            : new PlaceOrderCommand(
                request.OutTradeNo!,
                new Money(request.Amount!.Value, request.Currency!),
                provider!.PayType,
                request.Subject,
                timeout);
    }

    /// <returns>
    /// The timeout asked for; null for the configured default, unless the pay type's own minimum is longer, which then
    /// stands in for it.
    /// </returns>
    private TimeSpan? ValidateTimeout(int? seconds, IPaymentProvider? provider, Dictionary<string, string[]> errors)
    {
        var bounds = options.Value;
        var providerMin = provider?.MinPaymentTimeout ?? TimeSpan.Zero;
        var min = providerMin > bounds.MinPaymentTimeout ? providerMin : bounds.MinPaymentTimeout;
        if (seconds is null)
        {
            return bounds.DefaultPaymentTimeout < min ? min : null;
        }
        var timeout = TimeSpan.FromSeconds(seconds.Value);
        if (timeout < min && providerMin > bounds.MinPaymentTimeout)
        {
            errors["paymentTimeoutSeconds"] =
                [$"{provider!.PayType} needs at least {min.TotalSeconds:0} seconds: its provider must not be asked to close a trade sooner after it was placed."];
            return null;
        }
        if (timeout < min || timeout > bounds.MaxPaymentTimeout)
        {
            errors["paymentTimeoutSeconds"] =
                [$"From {min.TotalSeconds:0} to {bounds.MaxPaymentTimeout.TotalSeconds:0} seconds."];
            return null;
        }
        return timeout;
    }
}
