using System.Text.Json;

namespace OrderClose.Storage;

/// <summary>How documents are written: System.Text.Json, camelCase (so <c>Id</c> is the <c>id</c> Cosmos DB requires).</summary>
public static class CosmosJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
