using OrderClose.LocalRunner.Hosting;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Storage;

public static class SqliteStorageRegistration
{
    public const string DatabaseKey = "orders";

    /// <summary>Orders in <c>orders.db</c> in the data folder (or in memory).</summary>
    public static IServiceCollection AddSqliteOrderStore(this IServiceCollection services)
    {
        services.AddKeyedSingleton(DatabaseKey, (provider, _) =>
            SqliteDatabase.Open(provider.GetRequiredService<DataLocation>().File("orders.db"), DatabaseKey, SqliteOrderStore.Schema));
        services.AddSingleton<IOrderStore>(provider => new SqliteOrderStore(provider.GetRequiredKeyedService<SqliteDatabase>(DatabaseKey)));
        return services;
    }
}
