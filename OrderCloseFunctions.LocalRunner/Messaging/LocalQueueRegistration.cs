using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using OrderClose.LocalRunner.Hosting;
using OrderClose.LocalRunner.Storage;
using OrderClose.Messaging;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Messaging;

public static class LocalQueueRegistration
{
    public const string DatabaseKey = "closes";
    public const string Section = "CloseQueue";

    /// <summary>
    /// The close queue in <c>closes.db</c>, its dispatcher to CloseOrder and its dead letters. Settings in section <c>CloseQueue</c>;
    /// the duplicate-detection window is the minimum payment timeout unless set (README, "The close message").
    /// </summary>
    public static IServiceCollection AddLocalCloseQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CloseQueueOptions>()
            .Configure<IOptions<OrderOptions>>((queue, orders) => queue.DuplicateDetectionWindow = orders.Value.MinPaymentTimeout)
            .Bind(configuration.GetSection(Section));
        services.AddKeyedSingleton(DatabaseKey, (provider, _) =>
            SqliteDatabase.Open(provider.GetRequiredService<DataLocation>().File("closes.db"), DatabaseKey, SqliteCloseQueue.Schema));
        services.AddSingleton<DispatchWakeup>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<SqliteCloseQueue>(
            provider, provider.GetRequiredKeyedService<SqliteDatabase>(DatabaseKey)));
        services.AddSingleton<CloseFirstAdmission>();
        services.AddSingleton<ICloseScheduler, LocalCloseScheduler>();
        services.AddSingleton<ServiceBusMessageActions, LocalMessageActions>();
        services.AddSingleton<ICloseDeadLetters>(provider => ActivatorUtilities.CreateInstance<SqliteCloseDeadLetters>(
            provider, provider.GetRequiredKeyedService<SqliteDatabase>(DatabaseKey)));
        services.AddHostedService<CloseDispatcher>();
        return services;
    }
}
