using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrderClose.Orders;

namespace OrderClose.Tests.Orders;

/// <summary>A real <see cref="OrderMetrics"/> on its own meter factory, with a collector on each instrument.</summary>
public sealed class OrderMetricsProbe : IDisposable
{
    private readonly ServiceProvider _services;

    public OrderMetricsProbe()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        Metrics = new OrderMetrics(meterFactory);
        Created = new MetricCollector<long>(meterFactory, OrderMetrics.MeterName, "orderclose.orders.created");
        Paid = new MetricCollector<long>(meterFactory, OrderMetrics.MeterName, "orderclose.orders.paid");
        Cancelled = new MetricCollector<long>(meterFactory, OrderMetrics.MeterName, "orderclose.orders.cancelled");
        CloseLateness = new MetricCollector<double>(meterFactory, OrderMetrics.MeterName, "orderclose.close.lateness");
        ProviderDuration = new MetricCollector<double>(meterFactory, OrderMetrics.MeterName, "orderclose.provider.duration");
        CloseDeliveries = new MetricCollector<int>(meterFactory, OrderMetrics.MeterName, "orderclose.close.deliveries");
        LatePayments = new MetricCollector<long>(meterFactory, OrderMetrics.MeterName, "orderclose.late_payments");
        Refunds = new MetricCollector<long>(meterFactory, OrderMetrics.MeterName, "orderclose.refunds");
    }

    public OrderMetrics Metrics { get; }
    public MetricCollector<long> Created { get; }
    public MetricCollector<long> Paid { get; }
    public MetricCollector<long> Cancelled { get; }
    public MetricCollector<double> CloseLateness { get; }
    public MetricCollector<double> ProviderDuration { get; }
    public MetricCollector<int> CloseDeliveries { get; }
    public MetricCollector<long> LatePayments { get; }
    public MetricCollector<long> Refunds { get; }

    public void Dispose()
    {
        Created.Dispose();
        Paid.Dispose();
        Cancelled.Dispose();
        CloseLateness.Dispose();
        ProviderDuration.Dispose();
        CloseDeliveries.Dispose();
        LatePayments.Dispose();
        Refunds.Dispose();
        _services.Dispose();
    }
}
