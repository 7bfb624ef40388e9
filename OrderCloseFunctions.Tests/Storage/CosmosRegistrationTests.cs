using System.Net.Security;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderClose.Storage;

namespace OrderClose.Tests.Storage;

public sealed class CosmosRegistrationTests
{
    private const string LocalConnectionString = "AccountEndpoint=https://localhost:8081/;AccountKey=a2V5";

    [Fact]
    public void Without_a_connection_registration_fails_naming_both_settings()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCosmosOrderStore(Configuration([])));

        Assert.Contains("'CosmosConnection'", failure.Message);
        Assert.Contains("'CosmosConnection__accountEndpoint'", failure.Message);
    }

    [Fact]
    public void An_account_endpoint_is_used_with_an_azure_credential()
    {
        var connection = CosmosConnection.From(Configuration(new() { ["CosmosConnection:accountEndpoint"] = "https://shop.documents.azure.com:443/" }));

        Assert.Equal(new Uri("https://shop.documents.azure.com:443/"), connection.AccountEndpoint);
        Assert.Null(connection.ConnectionString);
    }

    [Theory]
    [InlineData("https://localhost:8081/")]
    [InlineData("https://127.0.0.1:8081/")]
    [InlineData("https://[::1]:8081/")]
    public void A_loopback_endpoint_uses_gateway_mode_and_accepts_the_emulators_certificate(string endpoint)
    {
        var options = CosmosConnection.From(Configuration(new() { ["CosmosConnection"] = $"AccountEndpoint={endpoint};AccountKey=a2V5" })).ClientOptions();

        Assert.Equal(ConnectionMode.Gateway, options.ConnectionMode);
        Assert.NotNull(options.ServerCertificateCustomValidationCallback);
        Assert.True(options.ServerCertificateCustomValidationCallback(null!, null!, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Theory]
    [InlineData("CosmosConnection", "AccountEndpoint=https://shop.documents.azure.com:443/;AccountKey=a2V5")]
    [InlineData("CosmosConnection:accountEndpoint", "https://shop.documents.azure.com:443/")]
    public void Any_other_endpoint_uses_direct_mode_with_full_certificate_validation(string setting, string value)
    {
        var options = CosmosConnection.From(Configuration(new() { [setting] = value })).ClientOptions();

        Assert.Equal(ConnectionMode.Direct, options.ConnectionMode);
        Assert.Null(options.ServerCertificateCustomValidationCallback);
    }

    [Fact]
    public void The_container_defaults_to_orders_in_orderclose_from_one_client()
    {
        using var services = new ServiceCollection().AddCosmosOrderStore(Configuration(new() { ["CosmosConnection"] = LocalConnectionString })).BuildServiceProvider();

        var container = services.GetRequiredService<Container>();

        Assert.Equal("orders", container.Id);
        Assert.Equal("orderclose", container.Database.Id);
        Assert.Same(services.GetRequiredService<CosmosClient>(), container.Database.Client);
    }

    [Fact]
    public void An_empty_container_name_fails_start_up_validation()
    {
        using var services = new ServiceCollection()
            .AddCosmosOrderStore(Configuration(new() { ["CosmosConnection"] = LocalConnectionString, ["Cosmos:ContainerName"] = "" }))
            .BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(nameof(CosmosOptions.ContainerName), failure.Message);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
