using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderClose.Orders.Ports;
using OrderClose.Storage;

namespace OrderClose.Tests.Storage;

/// <summary>
/// One cosmosdb-server for the Storage tests, reached through the production registration
/// (<see cref="CosmosRegistration.AddCosmosOrderStore"/>) with a loopback connection string, with the
/// database and the <c>/id</c>-partitioned container created here, as infra does in Azure.
/// <para>
/// Where this server is not Cosmos DB (measured against @vercel/cosmosdb-server 1.0.1):
/// a point read of a missing id answers 500, not 404: its read-document handler dereferences the missing document
/// (see <see cref="CosmosDbServerGapTests"/>), so "not found" on reads is covered by unit tests only. Cross-partition
/// and LINQ queries answer 400 and TransactionalBatch 500; the store uses neither.
/// </para>
/// </summary>
public sealed class CosmosDbServerFixture : IAsyncLifetime
{
    /// <summary>The emulators' well-known, public account key. cosmosdb-server accepts any key.</summary>
    private const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private CosmosDbServer? _server;
    private ServiceProvider? _services;

    public IOrderStore Store => Services.GetRequiredService<IOrderStore>();

    public IOverdueOrders OverdueOrders => Services.GetRequiredService<IOverdueOrders>();

    public IPendingOrderEvents PendingOrderEvents => Services.GetRequiredService<IPendingOrderEvents>();

    public IOutstandingRefunds OutstandingRefunds => Services.GetRequiredService<IOutstandingRefunds>();

    public IStalledRefunds StalledRefunds => Services.GetRequiredService<IStalledRefunds>();

    public Container Container => Services.GetRequiredService<Container>();

    /// <summary>How the app's <see cref="CosmosConnection.Setting"/> reaches this server, for a container of one's own.</summary>
    public string ConnectionString => $"AccountEndpoint={_server?.Endpoint};AccountKey={EmulatorKey}";

    /// <summary>What the server wrote on stderr so far, to explain a failure.</summary>
    public string ServerStderr => _server?.Stderr ?? "";

    private ServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async Task InitializeAsync()
    {
        _server = await CosmosDbServer.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [CosmosConnection.Setting] = ConnectionString,
            })
            .Build();
        _services = new ServiceCollection().AddCosmosOrderStore(configuration).BuildServiceProvider();

        var options = Services.GetRequiredService<IOptions<CosmosOptions>>().Value;
        var client = Services.GetRequiredService<CosmosClient>();
        try
        {
            Database database = await client.CreateDatabaseIfNotExistsAsync(options.DatabaseName);
            await database.CreateContainerIfNotExistsAsync(options.ContainerName, partitionKeyPath: "/id");
        }
        catch (CosmosException exception)
        {
            throw new InvalidOperationException($"cosmosdb-server at {_server.Endpoint} refused the set-up. Its stderr:\n{ServerStderr}", exception);
        }
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        _server?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class CosmosDbServerCollection : ICollectionFixture<CosmosDbServerFixture>
{
    public const string Name = "cosmosdb-server";
}
