using Azure.Core;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderClose.Orders.Ports;

namespace OrderClose.Storage;

public static class CosmosRegistration
{
    /// <summary>
    /// Registers the order store over one <see cref="CosmosClient"/> for the process. Fails here, at start-up,
    /// when no connection is configured. The database and container must exist (infra creates them).
    /// </summary>
    public static IServiceCollection AddCosmosOrderStore(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = CosmosConnection.From(configuration);

        services.AddOptions<CosmosOptions>()
            .Bind(configuration.GetSection(CosmosOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddAzureCredential();
        services.AddSingleton(provider => connection.CreateClient(provider.GetRequiredService<TokenCredential>));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<CosmosOptions>>().Value;
            return provider.GetRequiredService<CosmosClient>().GetContainer(options.DatabaseName, options.ContainerName);
        });
        services.AddSingleton<IOrderStore, CosmosOrderStore>();
        services.AddSingleton<IOverdueOrders, CosmosOverdueOrders>();
        services.AddSingleton<IPendingOrderEvents, CosmosPendingOrderEvents>();
        services.AddSingleton<IStalledRefunds, CosmosStalledRefunds>();
        services.AddSingleton<IOutstandingRefunds, CosmosOutstandingRefunds>();
        return services;
    }
}
