using System.Net;
using OrderClose.LocalRunner.Hosting;
using OrderClose.Tests.Storage;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.CommandLine;

/// <summary>
/// <c>--cosmos</c> serves orders only from an endpoint that answers a missing item with 404, as Cosmos DB does; any
/// other (cosmosdb-server answers 500) stops the runner at start-up with one line and exit code 4, before it serves.
/// </summary>
[Collection(CosmosDbServerCollection.Name)]
public sealed class CosmosEndpointCheckTests(CosmosDbServerFixture cosmos)
{
    private static readonly Uri Endpoint = new("https://127.0.0.1:8081/");

    [Fact]
    public async Task Against_cosmosdb_server_the_runner_refuses_to_start_with_one_line_naming_the_emulator_and_exit_code_4()
    {
        var outcome = await DotnetProcess.RunAsync(
            "OrderCloseFunctions.LocalRunner", ["--in-memory", "--urls", "http://127.0.0.1:0", "--cosmos", cosmos.ConnectionString], TimeSpan.FromSeconds(90));

        Assert.Equal(RunnerCommand.CosmosUnusable, outcome.ExitCode);
        var line = Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.Contains("is not a full Cosmos DB: it answers 500 InternalServerError to a read of a missing item", line);
        Assert.Contains("--cosmos needs the Azure Cosmos DB emulator or a Cosmos DB account", line);
        Assert.DoesNotContain(" at ", outcome.Output + outcome.Error);
        Assert.DoesNotContain("Exception", outcome.Output + outcome.Error);
        Assert.DoesNotContain("listening", outcome.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    public void A_404_for_the_missing_item_is_a_full_Cosmos_DB(string? subStatus)
    {
        Assert.Null(CosmosEndpointCheck.Refusal(HttpStatusCode.NotFound, subStatus, Endpoint, "orderclose/orders"));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public void Any_other_answer_is_not_a_full_Cosmos_DB(HttpStatusCode status)
    {
        var refusal = CosmosEndpointCheck.Refusal(status, null, Endpoint, "orderclose/orders");

        Assert.Equal(
            $"--cosmos: https://127.0.0.1:8081/ is not a full Cosmos DB: it answers {(int)status} {status} to a read of a missing item, where Cosmos DB answers 404 " +
            "(cosmosdb-server answers 500, so every CreateOrder, which reads first, would fail). --cosmos needs the Azure Cosmos DB emulator or a Cosmos DB account.",
            refusal);
    }

    [Fact]
    public void A_404_for_the_container_itself_says_to_create_it()
    {
        var refusal = CosmosEndpointCheck.Refusal(HttpStatusCode.NotFound, "1003", Endpoint, "orderclose/orders");

        Assert.Equal("--cosmos: https://127.0.0.1:8081/ has no container orderclose/orders (partition key /id): create it first; the app does not create it.", refusal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public void A_refused_key_is_named_as_such(HttpStatusCode status)
    {
        Assert.Equal($"--cosmos: https://127.0.0.1:8081/ refuses the connection string's key ({(int)status} {status}).",
            CosmosEndpointCheck.Refusal(status, null, Endpoint, "orderclose/orders"));
    }
}
