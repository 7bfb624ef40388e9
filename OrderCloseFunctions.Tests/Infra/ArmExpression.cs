using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OrderClose.Tests.Infra;

/// <summary>
/// Evaluates the ARM template expressions bicep emits (<c>[format('sb-{0}', variables('token'))]</c>), as far as
/// they can be known before a deployment. A fixed subscription and resource group stand in for the real ones, and
/// <c>uniqueString</c> is a stable hash, so resource names and ids come out as plain strings. What only Azure knows
/// (<c>reference()</c> of a deployed resource, <c>tenant()</c>, ...) stays unresolved: rendered as
/// <c>⟦function(evaluated arguments)⟧</c>, so tests can still see which resource a value comes from.
/// </summary>
internal sealed class ArmExpression
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000aaaa";
    public const string ResourceGroup = "rg-test";
    public const char Open = '⟦';
    public const char Close = '⟧';

    private readonly string text;
    private readonly TemplateScope scope;
    private int position;

    private ArmExpression(string text, TemplateScope scope)
    {
        this.text = text;
        this.scope = scope;
    }

    public static bool IsExpression(string value) => value.StartsWith('[') && !value.StartsWith("[[", StringComparison.Ordinal) && value.EndsWith(']');

    public static JsonNode? Evaluate(string expression, TemplateScope scope)
    {
        var parser = new ArmExpression(expression[1..^1], scope);
        var value = parser.ParseExpression();
        parser.SkipSpaces();
        return parser.position == parser.text.Length ? value : throw new FormatException($"Trailing text in {expression}");
    }

    public static bool IsUnresolved(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains(Open);

    public static string ResourceId(string type, params string[] names)
    {
        var types = type.Split('/');
        var path = new StringBuilder($"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/{types[0]}/{types[1]}/{names[0]}");
        for (var i = 1; i < names.Length; i++)
        {
            path.Append('/').Append(types[i + 1]).Append('/').Append(names[i]);
        }
        return path.ToString();
    }

    private JsonNode? ParseExpression()
    {
        var value = ParsePrimary();
        while (true)
        {
            SkipSpaces();
            if (Peek('.'))
            {
                position++;
                value = Member(value, ParseIdentifier());
            }
            else if (Peek('['))
            {
                position++;
                var index = ParseExpression();
                Expect(']');
                value = index is JsonValue i && i.TryGetValue<int>(out var n) ? Index(value, n) : Member(value, Text(index));
            }
            else
            {
                return value;
            }
        }
    }

    private JsonNode? ParsePrimary()
    {
        SkipSpaces();
        if (Peek('\''))
        {
            return JsonValue.Create(ParseString());
        }
        if (char.IsDigit(text[position]) || Peek('-'))
        {
            var start = position++;
            while (position < text.Length && char.IsDigit(text[position]))
            {
                position++;
            }
            return JsonValue.Create(int.Parse(text[start..position], CultureInfo.InvariantCulture));
        }
        var name = ParseIdentifier();
        Expect('(');
        var arguments = new List<JsonNode?>();
        SkipSpaces();
        while (!Peek(')'))
        {
            arguments.Add(ParseExpression());
            SkipSpaces();
            if (Peek(','))
            {
                position++;
            }
        }
        position++;
        return Call(name, arguments);
    }

    private JsonNode? Call(string name, List<JsonNode?> args) => name.ToLowerInvariant() switch
    {
        "parameters" => scope.Parameter(Text(args[0])),
        "variables" => scope.Variable(Text(args[0])),
        "format" => JsonValue.Create(string.Format(CultureInfo.InvariantCulture, Text(args[0]), args.Skip(1).Select(a => (object)Text(a)).ToArray())),
        "replace" => args.Any(IsUnresolved) ? Unresolved(name, args) : JsonValue.Create(Text(args[0]).Replace(Text(args[1]), Text(args[2]), StringComparison.Ordinal)),
        "concat" => JsonValue.Create(string.Concat(args.Select(Text))),
        "tolower" => IsUnresolved(args[0]) ? Unresolved(name, args) : JsonValue.Create(Text(args[0]).ToLowerInvariant()),
        "uniquestring" => IsUnresolved(args[0]) ? Unresolved(name, args) : JsonValue.Create(UniqueString(args.Select(Text))),
        "resourcegroup" => new JsonObject { ["id"] = $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}", ["name"] = ResourceGroup },
        "subscription" => new JsonObject { ["id"] = $"/subscriptions/{SubscriptionId}", ["subscriptionId"] = SubscriptionId },
        "resourceid" => JsonValue.Create(ResourceId(Text(args[0]), args.Skip(1).Select(Text).ToArray())),
        "subscriptionresourceid" => JsonValue.Create($"/subscriptions/{SubscriptionId}/providers/{Text(args[0])}/{string.Join('/', args.Skip(1).Select(Text))}"),
        "createobject" => CreateObject(args),
        "createarray" => new JsonArray(args.Select(a => a?.DeepClone()).ToArray()),
        "union" => Union(args),
        "empty" => IsUnresolved(args[0]) ? Unresolved(name, args) : JsonValue.Create(IsEmpty(args[0])),
        "not" => args[0] is JsonValue b && b.TryGetValue<bool>(out var flag) ? JsonValue.Create(!flag) : Unresolved(name, args),
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        "equals" => args.Any(IsUnresolved) ? Unresolved(name, args) : JsonValue.Create(JsonNode.DeepEquals(args[0], args[1])),
        "greater" => Compare(name, args, c => c > 0),
        "greaterorequals" => Compare(name, args, c => c >= 0),
        "less" => Compare(name, args, c => c < 0),
        "lessorequals" => Compare(name, args, c => c <= 0),
        "and" => args.All(a => a is JsonValue v && v.TryGetValue<bool>(out _)) ? JsonValue.Create(args.All(a => (bool)a!)) : Unresolved(name, args),
        "or" => args.All(a => a is JsonValue v && v.TryGetValue<bool>(out _)) ? JsonValue.Create(args.Any(a => (bool)a!)) : Unresolved(name, args),
        "if" => args[0] is JsonValue c && c.TryGetValue<bool>(out var condition) ? (condition ? args[1] : args[2]) : Unresolved(name, args),
        "reference" when DeploymentName(args[0]) is { } deployment => scope.DeploymentReference(deployment),
        _ => Unresolved(name, args),
    };

    private static JsonNode? Compare(string name, List<JsonNode?> args, Func<int, bool> holds) =>
        args[0] is JsonValue a && a.TryGetValue<int>(out var left) && args[1] is JsonValue b && b.TryGetValue<int>(out var right)
            ? JsonValue.Create(holds(left.CompareTo(right)))
            : Unresolved(name, args);

    private static string? DeploymentName(JsonNode? resourceId)
    {
        const string marker = "/providers/Microsoft.Resources/deployments/";
        var id = Text(resourceId);
        var at = id.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 || IsUnresolved(resourceId) ? null : id[(at + marker.Length)..];
    }

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        JsonObject o => o.Count == 0,
        JsonArray a => a.Count == 0,
        _ => Text(value).Length == 0,
    };

    private static JsonObject CreateObject(List<JsonNode?> args)
    {
        var result = new JsonObject();
        for (var i = 0; i < args.Count; i += 2)
        {
            result[Text(args[i])] = args[i + 1]?.DeepClone();
        }
        return result;
    }

    private static JsonNode? Union(List<JsonNode?> args)
    {
        if (args.Any(a => a is not JsonObject))
        {
            return Unresolved("union", args);
        }
        var result = new JsonObject();
        foreach (var property in args.Cast<JsonObject>().SelectMany(o => o))
        {
            result[property.Key] = property.Value?.DeepClone();
        }
        return result;
    }

    private static JsonNode? Member(JsonNode? value, string name) => value switch
    {
        JsonObject o => o[name],
        _ when IsUnresolved(value) => JsonValue.Create($"{Text(value)[..^1]}.{name}{Close}"),
        _ => throw new InvalidOperationException($"No property '{name}' on {value?.ToJsonString()}"),
    };

    private static JsonNode? Index(JsonNode? value, int index) => value switch
    {
        JsonArray a => a[index],
        _ when IsUnresolved(value) => JsonValue.Create($"{Text(value)[..^1]}[{index}]{Close}"),
        _ => throw new InvalidOperationException($"No index {index} on {value?.ToJsonString()}"),
    };

    private static JsonValue Unresolved(string name, IEnumerable<JsonNode?> args) =>
        JsonValue.Create($"{Open}{name}({string.Join(", ", args.Select(Render))}){Close}");

    private static string Render(JsonNode? value) => value switch
    {
        _ when IsUnresolved(value) && Text(value) is var s && s[0] == Open && s[^1] == Close => s[1..^1],
        JsonValue v when v.TryGetValue<string>(out var s) => $"'{s}'",
        null => "null",
        _ => value.ToJsonString(),
    };

    /// <summary>The text of a value: strings as they are, anything else as JSON.</summary>
    public static string Text(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        null => "",
        _ => value.ToJsonString(),
    };

    private static string UniqueString(IEnumerable<string> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))))[..13];

    private string ParseString()
    {
        var result = new StringBuilder();
        position++;
        while (true)
        {
            if (text[position] == '\'')
            {
                if (position + 1 < text.Length && text[position + 1] == '\'')
                {
                    result.Append('\'');
                    position += 2;
                    continue;
                }
                position++;
                return result.ToString();
            }
            result.Append(text[position++]);
        }
    }

    private string ParseIdentifier()
    {
        SkipSpaces();
        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }
        return start == position ? throw new FormatException($"Identifier expected at {position} in [{text}]") : text[start..position];
    }

    private void Expect(char c)
    {
        SkipSpaces();
        if (!Peek(c))
        {
            throw new FormatException($"'{c}' expected at {position} in [{text}]");
        }
        position++;
    }

    private bool Peek(char c) => position < text.Length && text[position] == c;

    private void SkipSpaces()
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }
    }
}
