using System.Text.Json;

namespace OrderClose.Tests.Support;

/// <summary>The functions.metadata the Worker SDK generated at build time: what the Functions host indexes.</summary>
internal static class GeneratedFunctionMetadata
{
    /// <summary>Each function by name.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Functions { get; } = Load();

    public static IEnumerable<JsonElement> Bindings(string function) => Functions[function].GetProperty("bindings").EnumerateArray();

    /// <summary>The functions whose trigger binding has this type (e.g. <c>serviceBusTrigger</c>), with that binding.</summary>
    public static IEnumerable<(string Function, JsonElement Trigger)> TriggeredBy(string triggerType) => Functions.Keys
        .SelectMany(name => Bindings(name).Where(b => b.GetProperty("type").GetString() == triggerType).Select(b => (name, b)));

    private static Dictionary<string, JsonElement> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"The Worker SDK did not generate {path}; build OrderCloseFunctions first.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }
}
