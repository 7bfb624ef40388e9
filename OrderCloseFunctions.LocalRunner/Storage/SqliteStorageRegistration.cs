using OrderClose.LocalRunner.Hosting;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Storage;

public static class SqliteStorageRegistration
{
    public const string DatabaseKey = "orders";

    /// <summary>Orders in <c>orders.db</c> in the data folder (or in memory), and the sweep's and the ops list's queries of them.</summary>
    public static IServiceCollection AddSqliteOrderStore(this IServiceCollection services)
    {
        services.AddKeyedSingleton(DatabaseKey, (provider, _) =>
            SqliteDatabase.Open(provider.GetRequiredService<DataLocation>().File("orders.db"), DatabaseKey, SqliteOrderStore.Schema + SqliteOverdueOrders.Schema + SqlitePendingOrderEvents.Schema + SqliteStalledRefunds.Schema + SqliteOutstandingRefunds.Schema));
        services.AddSingleton<IOrderStore>(provider => new SqliteOrderStore(provider.GetRequiredKeyedService<SqliteDatabase>(DatabaseKey)));
        services.AddSingleton<IOverdueOrders>(provider => new SqliteOverdueOrders(provider.GetRequiredKeyedService<SqliteDatabase>(DatabaseKey)));
        services.AddSingleton<IPendingOrderEvents>(provider => new SqlitePendingOrderEvents(provider.GetRequiredKeyedService<SqliteDatabase>(DatabaseKey)));
        services.AddSingleton<IStalledRefunds>(provider => new SqliteStalledRefunds(provider.GetRequiredKeyedService<SqliteDatabase>(DatabaseKey)));
        services.AddSingleton<IOutstandingRefunds>(provider => new SqliteOutstandingRefunds(provider.GetRequiredKeyedService<SqliteDatabase>(DatabaseKey)));
        return services;
    }
}
