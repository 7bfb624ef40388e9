using System.Text.Json.Nodes;

namespace OrderClose.Tests.Infra;

/// <summary>A parameter of infra/main.bicep as compiled: its type, default and the validation bicep emits for its decorators.</summary>
internal sealed class TemplateParameter(string name)
{
    private readonly JsonObject definition = CompiledTemplate.Json["parameters"]![name]?.AsObject()
        ?? throw new Xunit.Sdk.XunitException($"main.bicep has no parameter '{name}'.");

    public JsonNode? Default => definition["defaultValue"];

    public int? MinValue => (int?)definition["minValue"];

    public int? MaxValue => (int?)definition["maxValue"];

    public IReadOnlyList<string> AllowedValues => definition["allowedValues"]?.AsArray().Select(v => ArmExpression.Text(v)).ToList() ?? [];
}
