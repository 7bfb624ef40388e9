using System.Diagnostics.Metrics;

namespace OrderClose.Orders;

/// <summary>
/// What an operator reads first: orders created, paid and cancelled, how late closes settle, how long provider calls
/// take and how many deliveries a close needs. Instrument names are a contract with the dashboard (infra/).
/// </summary>
public sealed class OrderMetrics
{
    public const string MeterName = "OrderClose";

    private readonly Counter<long> _created;
    private readonly Counter<long> _paid;
    private readonly Counter<long> _cancelled;
    private readonly Histogram<double> _closeLateness;
    private readonly Histogram<double> _providerDuration;
    private readonly Histogram<int> _closeDeliveries;
    private readonly Counter<long> _latePayments;
    private readonly Counter<long> _refunds;
    private readonly Counter<long> _eventsPublished;
    private readonly Counter<long> _eventPublishFailures;

    public OrderMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _created = meter.CreateCounter<long>("orderclose.orders.created", "{order}", "Orders placed");
        _paid = meter.CreateCounter<long>("orderclose.orders.paid", "{order}", "Orders moved NEW to PAID, by what noticed the payment");
        _cancelled = meter.CreateCounter<long>("orderclose.orders.cancelled", "{order}", "Unpaid orders closed");
        _closeLateness = meter.CreateHistogram<double>("orderclose.close.lateness", "s",
            "Pay deadline to the close settling the order (cancelled, or paid when the close found the payment)");
        _providerDuration = meter.CreateHistogram<double>("orderclose.provider.duration", "s",
            "Payment provider calls, by pay type, operation and outcome");
        _closeDeliveries = meter.CreateHistogram<int>("orderclose.close.deliveries", "{delivery}",
            "Deliveries of a close message up to its final settlement (complete or dead-letter)");
        _latePayments = meter.CreateCounter<long>("orderclose.late_payments", "{payment}",
            "Payments that arrived after their order was cancelled: money to give back");
        _refunds = meter.CreateCounter<long>("orderclose.refunds", "{refund}",
            "Refunds of late payments as they end, by outcome: succeeded, failed (needs a person), manual (left to a person by policy)");
        _eventsPublished = meter.CreateCounter<long>("orderclose.events.published", "{event}", "Order events sent to the topic, repeats included");
        _eventPublishFailures = meter.CreateCounter<long>("orderclose.events.publish_failures", "{order}",
            "Orders whose events could not be published or marked now; the sweep publishes them again");
    }

    public void Created(string payType) => _created.Add(1, new KeyValuePair<string, object?>("pay_type", payType));

    public void Paid(string payType, PaymentSource source) => _paid.Add(1,
        new KeyValuePair<string, object?>("pay_type", payType),
        new KeyValuePair<string, object?>("source", source == PaymentSource.Notification ? "notification" : "close_query"));

    /// <summary>Counted once per order, when it is first recorded as needing a refund.</summary>
    public void LatePayment(string payType) => _latePayments.Add(1, new KeyValuePair<string, object?>("pay_type", payType));

    /// <param name="outcome"><c>succeeded</c>, <c>failed</c> or <c>manual</c>; counted once per order, by the compare-and-set that records it.</param>
    public void Refund(string payType, string outcome) => _refunds.Add(1,
        new KeyValuePair<string, object?>("pay_type", payType),
        new KeyValuePair<string, object?>("outcome", outcome));

    public void Cancelled(string payType) => _cancelled.Add(1, new KeyValuePair<string, object?>("pay_type", payType));

    /// <param name="outcome"><c>cancelled</c> or <c>paid</c>.</param>
    public void CloseSettled(string payType, string outcome, TimeSpan lateness) => _closeLateness.Record(lateness.TotalSeconds,
        new KeyValuePair<string, object?>("pay_type", payType),
        new KeyValuePair<string, object?>("outcome", outcome));

    /// <param name="operation">e.g. <c>query</c>, <c>close</c>.</param>
    /// <param name="outcome"><c>ok</c>, <c>transient</c> (may pass) or <c>rejected</c> (never will).</param>
    public void ProviderCall(string payType, string operation, string outcome, TimeSpan duration) => _providerDuration.Record(duration.TotalSeconds,
        new KeyValuePair<string, object?>("pay_type", payType),
        new KeyValuePair<string, object?>("operation", operation),
        new KeyValuePair<string, object?>("outcome", outcome));

    /// <param name="settlement"><c>complete</c> or <c>dead_letter</c>.</param>
    public void CloseDelivered(int deliveryCount, string settlement) =>
        _closeDeliveries.Record(deliveryCount, new KeyValuePair<string, object?>("settlement", settlement));

    public void EventPublished(string type) => _eventsPublished.Add(1, new KeyValuePair<string, object?>("type", type));

    public void EventPublishFailed() => _eventPublishFailures.Add(1);
}

public enum PaymentSource
{
    /// <summary>The provider's callback told us.</summary>
    Notification,

    /// <summary>The callback was lost; the close found the payment by querying the provider.</summary>
    CloseQuery,
}
