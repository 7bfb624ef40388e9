using System.Text.Json;

namespace OrderClose.Contracts;

/// <summary>How order documents are written, in Cosmos DB and in the runner's SQLite store: System.Text.Json, camelCase (so <c>Id</c> is the <c>id</c> Cosmos DB requires).</summary>
public static class DocumentJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
