using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderClose.Functions.Http;

/// <summary>
/// How request bodies are read: camelCase names matched exactly, a repeated name refused (so a proxy or an auditor
/// reads the same values the app does), and numbers only as JSON numbers.
/// </summary>
public static class RequestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        AllowDuplicateProperties = false,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
