using Microsoft.Extensions.Logging;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;

namespace OrderClose.Orders;

public enum CloseDecision
{
    /// <summary>No such order: the close message was wrong, or the order's creation failed after scheduling it.</summary>
    OrderNotFound,

    /// <summary>Already PAID or CANCELLED (a duplicate delivery, or the payment came first).</summary>
    AlreadySettled,

    /// <summary>The message came before the deadline; the close must be sent again for the deadline.</summary>
    NotDue,

    /// <summary>The provider says it was paid: the callback was lost. NEW moved to PAID.</summary>
    MarkedPaid,

    /// <summary>Unpaid: the trade was closed at the provider and NEW moved to CANCELLED.</summary>
    Cancelled,

    /// <summary>Somebody else moved the order while we decided; it is settled now.</summary>
    Superseded,

    /// <summary>No provider serves the order's pay type: retrying will not help.</summary>
    UnknownPayType,

    /// <summary>The buyer is paying at the provider right now: the order stays NEW and the close must look again shortly.</summary>
    BuyerPaying,
}

/// <param name="Order">The order as it stands after the decision; null when it does not exist.</param>
public sealed record CloseOutcome(CloseDecision Decision, Order? Order);

/// <summary>
/// Decides what a due close does to an order. Every move is a compare-and-set on the version read, so
/// duplicate and concurrent deliveries, and a payment racing the close, each move the order at most once.
/// </summary>
public sealed class CloseUnpaidOrder(
    IOrderStore store,
    IPaymentProviderPicker providers,
    OrderEventOutbox outbox,
    TimeProvider clock,
    OrderMetrics metrics,
    ILogger<CloseUnpaidOrder> logger)
{
    public const string PaymentTimeoutReason = "PAYMENT_TIMEOUT";

    /// <summary>The settled-close log record's property holding its lateness in milliseconds; the workbook and the lateness alert read it.</summary>
    public const string LatenessLogProperty = "CloseLatenessMs";

    /// <summary>The settled-close log record's property holding <c>cancelled</c> or <c>paid</c>.</summary>
    public const string OutcomeLogProperty = "CloseOutcome";

    private const string SettledMessage =
        $"Close of {{OutTradeNo}} settled it {{{OutcomeLogProperty}}} {{{LatenessLogProperty}}} ms after its deadline ({{PayType}})";

    public async Task<CloseOutcome> HandleAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        var stored = await store.FindAsync(outTradeNo, cancellationToken);
        if (stored is null)
        {
            return new CloseOutcome(CloseDecision.OrderNotFound, null);
        }

        var order = stored.Order;
        if (order.State != OrderState.New)
        {
            return new CloseOutcome(CloseDecision.AlreadySettled, order);
        }
        if (clock.GetUtcNow() < order.PayDeadline)
        {
            return new CloseOutcome(CloseDecision.NotDue, order);
        }
        if (providers.Find(order.PayType) is not { } provider)
        {
            return new CloseOutcome(CloseDecision.UnknownPayType, order);
        }

        var trade = await provider.QueryAsync(outTradeNo, cancellationToken);
        if (trade.State == TradeState.Paid)
        {
            return await MarkPaidAsync(stored, trade.PaidAt ?? clock.GetUtcNow(), cancellationToken);
        }
        if (trade.State == TradeState.BuyerPaying)
        {
            logger.LogInformation("Order {OutTradeNo} is due but its buyer is paying right now; not closing under them", outTradeNo);
            return new CloseOutcome(CloseDecision.BuyerPaying, order);
        }

        var closed = await provider.CloseAsync(outTradeNo, cancellationToken);
        if (closed == TradeCloseResult.AlreadyPaid)
        {
            return await MarkPaidAsync(stored, clock.GetUtcNow(), cancellationToken);
        }

        var now = clock.GetUtcNow();
        var outcome = await MoveAsync(stored, order.Cancel(now, PaymentTimeoutReason), CloseDecision.Cancelled, cancellationToken);
        if (outcome.Decision == CloseDecision.Cancelled)
        {
            metrics.Cancelled(order.PayType);
            Settled(order, "cancelled", now);
        }
        return outcome;
    }

    private async Task<CloseOutcome> MarkPaidAsync(StoredOrder stored, DateTimeOffset paidAt, CancellationToken cancellationToken)
    {
        var outcome = await MoveAsync(stored, stored.Order.MarkPaid(paidAt), CloseDecision.MarkedPaid, cancellationToken);
        if (outcome.Decision == CloseDecision.MarkedPaid)
        {
            metrics.Paid(stored.Order.PayType, PaymentSource.CloseQuery);
            Settled(stored.Order, "paid", clock.GetUtcNow());
            logger.LogWarning("Order {OutTradeNo} was paid at {PaidAt:o} but its callback never came; marked PAID on close",
                stored.Order.OutTradeNo, paidAt);
        }
        return outcome;
    }

    /// <summary>
    /// The lateness histogram, and one log record per settled close: Application Insights keeps a histogram only as sum,
    /// count, min and max, so the dashboard and the lateness alert take percentiles over these records (infra/workbooks).
    /// </summary>
    private void Settled(Order order, string outcome, DateTimeOffset settledAt)
    {
        var lateness = settledAt - order.PayDeadline;
        metrics.CloseSettled(order.PayType, outcome, lateness);
        logger.LogInformation(SettledMessage, order.OutTradeNo, outcome, Math.Round(lateness.TotalMilliseconds), order.PayType);
    }

    private async Task<CloseOutcome> MoveAsync(StoredOrder stored, Order next, CloseDecision decision, CancellationToken cancellationToken)
    {
        var replaced = await store.TryReplaceAsync(stored, next, cancellationToken);
        if (replaced is not null)
        {
            await outbox.PublishPendingAsync(replaced, cancellationToken);
            return new CloseOutcome(decision, replaced.Order);
        }

        var current = await store.FindAsync(stored.Order.OutTradeNo, cancellationToken);
        if (current is null || current.Order.State == OrderState.New)
        {
            throw new DependencyUnavailableException(
                $"Order {stored.Order.OutTradeNo} changed while closing but is not settled; the close must run again.");
        }
        logger.LogInformation("Close of {OutTradeNo} lost the race: the order is {State} already",
            stored.Order.OutTradeNo, current.Order.State);
        return new CloseOutcome(CloseDecision.Superseded, current.Order);
    }
}
