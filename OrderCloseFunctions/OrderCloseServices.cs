using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Functions;
using OrderClose.Messaging;
using OrderClose.Orders;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;
using OrderClose.Payments;
using OrderClose.Storage;

namespace OrderClose;

/// <summary>The composition root: every port bound to its adapter, every option validated at start-up.</summary>
public static class OrderCloseServices
{
    /// <summary>The app as Azure runs it: Cosmos DB, Service Bus, and the payment providers that have settings, behind the ports.</summary>
    public static IServiceCollection AddOrderClose(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddOrderCloseUseCases(configuration)
            .AddCosmosOrderStore(configuration)
            .AddServiceBusCloseScheduler(configuration)
            .AddConfiguredPaymentProviders(configuration);

    /// <summary>The use cases and what the functions need besides the ports' adapters, which the caller adds.</summary>
    public static IServiceCollection AddOrderCloseUseCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<OrderMetrics>();

        services.AddOptions<OrderOptions>()
            .Bind(configuration.GetSection(OrderOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<CloseRetryOptions>()
            .Bind(configuration.GetSection(CloseRetryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IRetryJitter, RandomRetryJitter>();
        services.AddSingleton<CloseRetryPolicy>();

        services.AddOptions<SweepOptions>()
            .Bind(configuration.GetSection(SweepOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddScoped<IPaymentProviderPicker>(provider => new PaymentProviderPicker(provider.GetServices<IPaymentProvider>().Select(
            payment => new MeasuredPaymentProvider(payment, provider.GetRequiredService<OrderMetrics>(), provider.GetRequiredService<TimeProvider>()))));
        services.AddScoped<PlaceOrder>();
        services.AddScoped<ConfirmPayment>();
        services.AddScoped<CloseUnpaidOrder>();
        services.AddScoped<HandleDueClose>();
        services.AddScoped<OrderEventOutbox>();
        services.AddScoped<StartPayment>();
        services.AddScoped<SweepOverdueOrders>();
        services.AddScoped<RefundLatePayment>();
        services.AddScoped<ListOrdersNeedingAttention>();
        services.AddScoped<CreateOrderValidator>();
        return services;
    }
}
