using OrderClose.LocalRunner.Hosting;
using OrderClose.LocalRunner.Storage;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Events;

public static class LocalEventsRegistration
{
    public const string DatabaseKey = "events";

    /// <summary>Order events to the local topic in <c>events.db</c> in the data folder (or in memory).</summary>
    public static IServiceCollection AddLocalEvents(this IServiceCollection services)
    {
        services.AddKeyedSingleton(DatabaseKey, (provider, _) =>
            SqliteDatabase.Open(provider.GetRequiredService<DataLocation>().File("events.db"), DatabaseKey, SqliteEventTopic.Schema));
        services.AddSingleton<TopicAppended>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<SqliteEventTopic>(
            provider, provider.GetRequiredKeyedService<SqliteDatabase>(DatabaseKey)));
        services.AddSingleton<IOrderEventPublisher, LocalOrderEventPublisher>();
        return services;
    }
}
