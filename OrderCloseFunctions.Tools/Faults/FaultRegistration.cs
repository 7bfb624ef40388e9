using OrderClose.Tools.Hosting;
using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Faults;

public static class FaultRegistration
{
    /// <summary>Wraps the order store, the close scheduler, the payment providers and the event publisher in their faulty decorators, each switched by <paramref name="plan"/>.</summary>
    public static IServiceCollection AddFaults(this IServiceCollection services, FaultPlan plan) =>
        services
            .Decorate<IOrderStore>(store => new FaultyOrderStore(store, plan))
            .Decorate<ICloseScheduler>(scheduler => new FaultyCloseScheduler(scheduler, plan))
            .Decorate<IPaymentProvider>(provider => new FaultyPaymentProvider(provider, plan))
            .Decorate<IOrderEventPublisher>(publisher => new FaultyEventPublisher(publisher, plan));
}
