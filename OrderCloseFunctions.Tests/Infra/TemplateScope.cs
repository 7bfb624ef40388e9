using System.Text.Json.Nodes;

namespace OrderClose.Tests.Infra;

/// <summary>One template (main.json, or a module's nested template) with the parameter values it was given.</summary>
internal sealed class TemplateScope(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameterValues)
{
    private readonly Dictionary<string, TemplateScope> deployments = [];

    /// <summary>The template as compiled, expressions unevaluated.</summary>
    public JsonObject Template => template;

    public JsonNode? Parameter(string name) => parameterValues.TryGetValue(name, out var value)
        ? value
        : Evaluate(template["parameters"]?[name]?["defaultValue"]
            ?? throw new InvalidOperationException($"Parameter '{name}' has no value and no default."));

    public JsonNode? Variable(string name) => Evaluate(template["variables"]?[name]
        ?? throw new InvalidOperationException($"No variable '{name}'."));

    /// <summary>Every expression in <paramref name="node"/> evaluated in this template.</summary>
    public JsonNode? Evaluate(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) && ArmExpression.IsExpression(text) => ArmExpression.Evaluate(text, this)?.DeepClone(),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Evaluate(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Evaluate).ToArray()),
        _ => node?.DeepClone(),
    };

    /// <summary>The resources of one type, each evaluated (name, scope, properties, ...).</summary>
    public IReadOnlyList<JsonObject> Resources(string type) => template["resources"]!.AsArray()
        .Select(r => r!.AsObject())
        .Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))
        .Select(r => Evaluate(r)!.AsObject())
        .ToList();

    /// <summary>The module deployed under <paramref name="name"/>, with the parameter values this template passes it.</summary>
    public TemplateScope Deployment(string name)
    {
        if (!deployments.TryGetValue(name, out var deployment))
        {
            var resource = template["resources"]!.AsArray().Select(r => r!.AsObject())
                .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == name);
            var properties = resource["properties"]!;
            var values = properties["parameters"]!.AsObject()
                .ToDictionary(p => p.Key, p => Evaluate(p.Value!["value"]));
            deployment = new TemplateScope(properties["template"]!.AsObject(), values);
            deployments[name] = deployment;
        }
        return deployment;
    }

    public JsonNode? Output(string name) => Evaluate(template["outputs"]![name]!["value"]);

    public IEnumerable<string> OutputNames => template["outputs"]?.AsObject().Select(p => p.Key) ?? [];

    /// <summary><c>reference()</c> of a module: what its outputs evaluate to.</summary>
    public JsonObject DeploymentReference(string name)
    {
        var deployment = Deployment(name);
        return new JsonObject
        {
            ["outputs"] = new JsonObject(deployment.OutputNames.Select(output =>
                KeyValuePair.Create(output, (JsonNode?)new JsonObject { ["value"] = deployment.Output(output) }))),
        };
    }
}
