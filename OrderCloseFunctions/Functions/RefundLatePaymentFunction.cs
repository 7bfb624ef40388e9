using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using OrderClose.Messaging;
using OrderClose.Orders;

namespace OrderClose.Functions;

/// <summary>
/// Receives a refund request from the <c>order-refund</c> queue, reads its body (an unreadable one is dead-lettered with
/// the reason), hands it to <see cref="RefundLatePayment"/> and settles the message explicitly as that decides.
/// </summary>
public sealed class RefundLatePaymentFunction(RefundLatePayment refundLatePayment, ILogger<RefundLatePaymentFunction> logger)
{
    [Function("RefundLatePayment")]
    public async Task RunAsync(
        [ServiceBusTrigger("%" + MessagingOptions.RefundQueueNameSetting + "%", Connection = MessagingOptions.ConnectionSetting, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken) =>
        await MessageSettlement.RunAsync(message, actions, "refund", logger, () =>
            RefundOrderMessage.TryParse(message.Body, out var rejection) is { } refund
                ? refundLatePayment.HandleAsync(new DueRefund(refund.OutTradeNo, refund.Attempt, message.DeliveryCount), cancellationToken)
                : Task.FromResult(Settlement.DeadLetter(rejection!.Reason, rejection.Description)));
}
