using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderClose.Orders.Ports;

namespace OrderClose.Orders;

public enum StartPaymentStatus
{
    Started,
    UnknownOrder,

    /// <summary>The order is PAID or CANCELLED: there is nothing left to pay.</summary>
    NotNew,

    /// <summary>The deadline is less than <see cref="OrderOptions.MinTimeToPay"/> away (or past).</summary>
    TooLate,

    /// <summary>No provider serves the order's pay type here.</summary>
    UnknownPayType,

    /// <summary>The order's provider has no such channel.</summary>
    UnknownChannel,

    /// <summary>The channel needs the buyer's IP address (<see cref="IPaymentProvider.ChannelsNeedingPayerIp"/>) and none came.</summary>
    PayerIpRequired,
}

/// <param name="Payment">Where the buyer pays; set when <see cref="Status"/> is <see cref="StartPaymentStatus.Started"/>.</param>
public sealed record StartPaymentResult(StartPaymentStatus Status, Order? Order = null, PaymentStart? Payment = null, IReadOnlyCollection<string>? Channels = null);

/// <summary>
/// Starts the buyer's payment of a NEW order at its provider, with the order's deadline as the provider's own expiry:
/// a buyer who comes back to the cashier after the deadline is refused there, so no payment can land on an order
/// the close is about to cancel. Changes nothing in the store, so calling it again is safe and starts the same trade.
/// </summary>
public sealed class StartPayment(
    IOrderStore store,
    IPaymentProviderPicker providers,
    IOptions<OrderOptions> options,
    TimeProvider clock,
    ILogger<StartPayment> logger)
{
    public async Task<StartPaymentResult> HandleAsync(
        string outTradeNo, string channel, Uri? returnUrl, IPAddress? payerIp, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(outTradeNo, cancellationToken) is not { Order: var order })
        {
            return new StartPaymentResult(StartPaymentStatus.UnknownOrder);
        }
        if (providers.Find(order.PayType) is not { } provider)
        {
            return new StartPaymentResult(StartPaymentStatus.UnknownPayType, order);
        }
        if (!provider.Channels.Contains(channel, StringComparer.Ordinal))
        {
            return new StartPaymentResult(StartPaymentStatus.UnknownChannel, order, Channels: provider.Channels);
        }
        if (payerIp is null && provider.ChannelsNeedingPayerIp.Contains(channel, StringComparer.Ordinal))
        {
            return new StartPaymentResult(StartPaymentStatus.PayerIpRequired, order);
        }
        if (order.State != OrderState.New)
        {
            return new StartPaymentResult(StartPaymentStatus.NotNew, order);
        }
        if (clock.GetUtcNow() + options.Value.MinTimeToPay >= order.PayDeadline)
        {
            return new StartPaymentResult(StartPaymentStatus.TooLate, order);
        }

        var payment = await provider.StartPaymentAsync(new PaymentStartRequest(order, channel, returnUrl, order.PayDeadline, payerIp), cancellationToken);
        logger.LogInformation("Payment of {OutTradeNo} started by {PayType} ({Channel}), expiring at {ExpiresAt:o}",
            outTradeNo, order.PayType, channel, order.PayDeadline);
        return new StartPaymentResult(StartPaymentStatus.Started, order, payment);
    }
}
