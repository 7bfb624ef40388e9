using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using OrderClose.Functions;
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
    public const string RefundsKey = "refunds";
    public const string Section = "CloseQueue";

    /// <summary>
    /// The close queue in <c>closes.db</c>, its dispatcher to CloseOrder and its dead letters. Settings in section <c>CloseQueue</c>;
    /// the duplicate-detection window is the minimum payment timeout unless set (README, "The close message").
    /// </summary>
    public static IServiceCollection AddLocalCloseQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CloseQueueOptions>()
            .Configure<IOptions<OrderOptions>>((queue, orders) => queue.DuplicateDetectionWindow = orders.Value.MinPaymentTimeout)
            .Bind(configuration.GetSection(Section))
            .Validate(queue => queue.MaxConcurrentCalls is >= 1 and <= 1000, $"{Section}:MaxConcurrentCalls must be 1 to 1000.")
            .Validate(queue => queue.MaxDeliveryCount >= 1, $"{Section}:MaxDeliveryCount must be at least 1.")
            .Validate(queue => queue.LockDuration > TimeSpan.Zero, $"{Section}:LockDuration must be positive.")
            .Validate(queue => queue.AdmissionMaxLag > TimeSpan.Zero && queue.AdmissionMaxWait >= TimeSpan.Zero,
                $"{Section}:AdmissionMaxLag must be positive and {Section}:AdmissionMaxWait not negative.")
            .ValidateOnStart();
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
        services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<QueueDispatcher>(provider, new LocalQueue(
            "CloseOrder",
            provider.GetRequiredService<SqliteCloseQueue>(),
            provider.GetRequiredService<DispatchWakeup>(),
            provider.GetRequiredService<ServiceBusMessageActions>(),
            Run<CloseOrderFunction>((function, message, actions, token) => function.RunAsync(message, actions, token)))));
        return services;
    }

    /// <summary>
    /// The refund queue in <c>refunds.db</c>: a queue of its own, like the close queue and with its settings (section
    /// <c>CloseQueue</c>), its dispatcher to RefundLatePayment, and the <see cref="IRefundScheduler"/> that sends to it.
    /// Its parts are keyed <see cref="RefundsKey"/>; the unkeyed ones are the close queue's.
    /// </summary>
    public static IServiceCollection AddLocalRefundQueue(this IServiceCollection services)
    {
        services.AddKeyedSingleton(RefundsKey, (provider, _) =>
            SqliteDatabase.Open(provider.GetRequiredService<DataLocation>().File("refunds.db"), RefundsKey, SqliteCloseQueue.Schema));
        services.AddKeyedSingleton(RefundsKey, (provider, _) => new DispatchWakeup(provider.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(RefundsKey, (provider, key) => new SqliteCloseQueue(
            provider.GetRequiredKeyedService<SqliteDatabase>(key),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredKeyedService<DispatchWakeup>(key),
            provider.GetRequiredService<IOptions<CloseQueueOptions>>()));
        services.AddSingleton<IRefundScheduler>(provider => new LocalRefundScheduler(provider.GetRequiredKeyedService<SqliteCloseQueue>(RefundsKey)));
        services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<QueueDispatcher>(provider, new LocalQueue(
            "RefundLatePayment",
            provider.GetRequiredKeyedService<SqliteCloseQueue>(RefundsKey),
            provider.GetRequiredKeyedService<DispatchWakeup>(RefundsKey),
            new LocalMessageActions(provider.GetRequiredKeyedService<SqliteCloseQueue>(RefundsKey)),
            Run<RefundLatePaymentFunction>((function, message, actions, token) => function.RunAsync(message, actions, token)))));
        return services;
    }

    /// <summary>Runs a function class made for the delivery's scope, as the host makes one per invocation.</summary>
    private static Func<IServiceProvider, ServiceBusReceivedMessage, ServiceBusMessageActions, CancellationToken, Task> Run<TFunction>(
        Func<TFunction, ServiceBusReceivedMessage, ServiceBusMessageActions, CancellationToken, Task> run)
    {
        var create = ActivatorUtilities.CreateFactory<TFunction>([]);
        return (scope, message, actions, token) => run(create(scope, []), message, actions, token);
    }
}
