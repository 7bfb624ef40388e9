using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Functions;
using OrderClose.Messaging;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Payments;
using OrderClose.Payments.Alipay;
using OrderClose.Storage;

namespace OrderClose;

/// <summary>The composition root: every port bound to its adapter, every option validated at start-up.</summary>
public static class OrderCloseServices
{
    public static IServiceCollection AddOrderClose(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<OrderMetrics>();

        services.AddOptions<OrderOptions>()
            .Bind(configuration.GetSection(OrderOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddCosmosOrderStore(configuration);
        services.AddServiceBusCloseScheduler(configuration);
        services.AddAlipay(configuration);

        services.AddScoped<IPaymentProviders, PaymentProviders>();
        services.AddScoped<PlaceOrder>();
        services.AddScoped<ConfirmPayment>();
        services.AddScoped<CloseUnpaidOrder>();
        services.AddScoped<CreateOrderValidator>();
        return services;
    }
}
