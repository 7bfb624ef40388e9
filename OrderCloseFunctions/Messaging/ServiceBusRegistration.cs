using Azure.Core;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderClose.Orders.Ports;

namespace OrderClose.Messaging;

public static class ServiceBusRegistration
{
    /// <summary>
    /// One <see cref="ServiceBusClient"/> for the process, from the setting the trigger uses too:
    /// <c>ServiceBusConnection</c> = a connection string (local emulator), or
    /// <c>ServiceBusConnection__fullyQualifiedNamespace</c> = the namespace host, reached with the app's one
    /// <see cref="TokenCredential"/> (<see cref="AzureCredentialRegistration"/>: the managed identity in Azure).
    /// </summary>
    public static IServiceCollection AddServiceBusCloseScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessagingOptions>()
            .Configure(options =>
            {
                options.CloseQueueName = configuration[MessagingOptions.QueueNameSetting] ?? "";
                options.OrderEventsTopicName = configuration[MessagingOptions.EventsTopicNameSetting] ?? "";
                options.RefundQueueName = configuration[MessagingOptions.RefundQueueNameSetting] ?? "";
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddAzureCredential();
        services.AddSingleton(provider => CreateClient(configuration.GetSection(MessagingOptions.ConnectionSetting), provider));
        services.AddSingleton(provider => provider.GetRequiredService<ServiceBusClient>()
            .CreateSender(provider.GetRequiredService<IOptions<MessagingOptions>>().Value.CloseQueueName));
        services.AddSingleton<ICloseScheduler, ServiceBusCloseScheduler>();
        services.AddSingleton<IRefundScheduler>(provider => new ServiceBusRefundScheduler(provider.GetRequiredService<ServiceBusClient>()
            .CreateSender(provider.GetRequiredService<IOptions<MessagingOptions>>().Value.RefundQueueName)));
        services.AddSingleton<IOrderEventPublisher>(provider => new ServiceBusOrderEventPublisher(provider.GetRequiredService<ServiceBusClient>()
            .CreateSender(provider.GetRequiredService<IOptions<MessagingOptions>>().Value.OrderEventsTopicName)));
        services.AddSingleton<ICloseDeadLetters>(provider => new ServiceBusCloseDeadLetters(
            provider.GetRequiredService<ServiceBusClient>().CreateReceiver(
                provider.GetRequiredService<IOptions<MessagingOptions>>().Value.CloseQueueName,
                new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter }),
            provider.GetRequiredService<ICloseScheduler>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ServiceBusCloseDeadLetters>>()));
        return services;
    }

    private static ServiceBusClient CreateClient(IConfigurationSection connection, IServiceProvider provider)
    {
        if (!string.IsNullOrWhiteSpace(connection.Value))
        {
            return new ServiceBusClient(connection.Value);
        }
        var fullyQualifiedNamespace = connection["fullyQualifiedNamespace"];
        return string.IsNullOrWhiteSpace(fullyQualifiedNamespace)
            ? throw new InvalidOperationException(
                $"Set {connection.Path} (a connection string) or {connection.Path}__fullyQualifiedNamespace (identity-based).")
            : new ServiceBusClient(fullyQualifiedNamespace, provider.GetRequiredService<TokenCredential>());
    }
}
