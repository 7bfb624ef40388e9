using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;
using OrderClose.Storage;

namespace OrderClose.LocalRunner.Hosting;

/// <summary>
/// Before the runner serves orders from <c>--cosmos</c>: reads an item that cannot exist and refuses an endpoint that
/// does not answer 404 as Cosmos DB does. CreateOrder reads before it creates, so against an endpoint that answers a
/// missing item otherwise (cosmosdb-server answers 500) every create would fail as "unavailable".
/// </summary>
public static class CosmosEndpointCheck
{
    /// <summary>No order has this id: order numbers take letters, digits, '_' and '-' only.</summary>
    public const string MissingId = "orderclose.start-up.probe";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <returns>Null when the endpoint can hold the orders; else one line saying why not.</returns>
    public static async Task<string?> RefusalAsync(IServiceProvider services)
    {
        var container = services.GetRequiredService<Container>();
        var endpoint = services.GetRequiredService<CosmosClient>().Endpoint;
        var options = services.GetRequiredService<IOptions<CosmosOptions>>().Value;
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            using var response = await container.ReadItemStreamAsync(MissingId, new PartitionKey(MissingId), cancellationToken: timeout.Token);
            return Refusal(response.StatusCode, response.Headers["x-ms-substatus"], endpoint, $"{options.DatabaseName}/{options.ContainerName}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return $"--cosmos: {endpoint} did not answer within {Patience.TotalSeconds:0} s.";
        }
        catch (Exception exception) when (exception is CosmosException or HttpRequestException)
        {
            return $"--cosmos: {endpoint} could not be read: {FirstLine(exception.Message)}";
        }
    }

    /// <summary>What an answer to the read of <see cref="MissingId"/> means for the runner.</summary>
    /// <param name="subStatus">The answer's <c>x-ms-substatus</c>: 0 or none for a missing item; 1003 when the container itself is missing.</param>
    public static string? Refusal(HttpStatusCode status, string? subStatus, Uri endpoint, string container) => (status, subStatus) switch
    {
        (HttpStatusCode.NotFound, null or "" or "0") => null,
        (HttpStatusCode.NotFound, _) =>
            $"--cosmos: {endpoint} has no container {container} (partition key /id): create it first; the app does not create it.",
        (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, _) =>
            $"--cosmos: {endpoint} refuses the connection string's key ({(int)status} {status}).",
        _ =>
            $"--cosmos: {endpoint} is not a full Cosmos DB: it answers {(int)status} {status} to a read of a missing item, where Cosmos DB answers 404 " +
            "(cosmosdb-server answers 500, so every CreateOrder, which reads first, would fail). --cosmos needs the Azure Cosmos DB emulator or a Cosmos DB account.",
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
