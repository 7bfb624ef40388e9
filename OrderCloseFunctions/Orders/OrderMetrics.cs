using System.Diagnostics.Metrics;

namespace OrderClose.Orders;

/// <summary>The counters a shop watches: orders created, paid and cancelled, and how late closes run.</summary>
public sealed class OrderMetrics
{
    public const string MeterName = "OrderClose";

    private readonly Counter<long> _created;
    private readonly Counter<long> _paid;
    private readonly Counter<long> _cancelled;
    private readonly Histogram<double> _closeLateness;
    private readonly Counter<long> _eventsPublished;
    private readonly Counter<long> _eventPublishFailures;

    public OrderMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _created = meter.CreateCounter<long>("orderclose.orders.created", "{order}", "Orders placed");
        _paid = meter.CreateCounter<long>("orderclose.orders.paid", "{order}", "Orders moved NEW to PAID, by what noticed the payment");
        _cancelled = meter.CreateCounter<long>("orderclose.orders.cancelled", "{order}", "Unpaid orders closed");
        _closeLateness = meter.CreateHistogram<double>("orderclose.close.lateness", "s", "Close time minus pay deadline");
        _eventsPublished = meter.CreateCounter<long>("orderclose.events.published", "{event}", "Order events sent to the topic, repeats included");
        _eventPublishFailures = meter.CreateCounter<long>("orderclose.events.publish_failures", "{order}",
            "Orders whose events could not be published or marked now; the sweep publishes them again");
    }

    public void Created(string payType) => _created.Add(1, new KeyValuePair<string, object?>("pay_type", payType));

    public void Paid(string payType, PaymentSource source) => _paid.Add(1,
        new KeyValuePair<string, object?>("pay_type", payType),
        new KeyValuePair<string, object?>("source", source == PaymentSource.Notification ? "notification" : "close_query"));

    public void Cancelled(string payType, TimeSpan lateness)
    {
        _cancelled.Add(1, new KeyValuePair<string, object?>("pay_type", payType));
        _closeLateness.Record(lateness.TotalSeconds, new KeyValuePair<string, object?>("pay_type", payType));
    }

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
