using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using OrderClose.Tests.Infra;

namespace OrderClose.Tests.Contract;

/// <summary>
/// <c>openapi.yaml</c> as a contract: parsed with Microsoft.OpenApi, and each HTTP answer checked against the response
/// it describes (route, method, status, required headers, media type, and the body with JSON Schema 2020-12).
/// </summary>
public sealed class OpenApiContract
{
    private static readonly Uri DocumentUri = new("https://orderclose.test/openapi.json");

    private static readonly Lazy<OpenApiContract> Repository = new(() => Parse(RepositoryFiles.Read("openapi.yaml")));

    private readonly JsonElement _json;
    private readonly BuildOptions _build;
    private readonly EvaluationOptions _evaluation = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.List };

    private OpenApiContract(OpenApiDocument document, OpenApiSpecVersion version, JsonElement json)
    {
        Document = document;
        Version = version;
        _json = json;
        var registry = new SchemaRegistry();
        registry.Register(new JsonElementBaseDocument(json, DocumentUri));
        _build = new BuildOptions { SchemaRegistry = registry };
        // Every schema must build as JSON Schema 2020-12, which refuses unknown keywords (a typo, a flow mapping split by a comma).
        foreach (var schema in json.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            SchemaAt($"/components/schemas/{Escape(schema.Name)}");
        }
    }

    /// <summary>The repository's <c>openapi.yaml</c>.</summary>
    public static OpenApiContract Current => Repository.Value;

    public OpenApiDocument Document { get; }

    public OpenApiSpecVersion Version { get; }

    public static OpenApiContract Parse(string yaml)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var read = OpenApiDocument.Parse(yaml, OpenApiConstants.Yaml, settings);
        if (read.Document is null || read.Diagnostic?.Errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"openapi.yaml does not parse: {string.Join("; ", read.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? [])}");
        }
        // The schemas are evaluated on the document as written, not as Microsoft.OpenApi's model writes it back.
        var json = JsonSerializer.SerializeToElement(YamlToJson.Convert(yaml));
        return new OpenApiContract(read.Document, read.Diagnostic!.SpecificationVersion, json);
    }

    /// <summary>What is wrong with <paramref name="response"/> to <paramref name="request"/> by this document; empty when nothing.</summary>
    public async Task<IReadOnlyList<string>> ViolationsAsync(HttpRequestMessage request, HttpResponseMessage response)
    {
        var path = request.RequestUri!.AbsolutePath;
        var template = Document.Paths.Keys.FirstOrDefault(candidate => Matches(candidate, path));
        if (template is null)
        {
            return [$"{request.Method} {path}: no path of openapi.yaml matches."];
        }
        var method = request.Method.Method.ToLowerInvariant();
        var operationPointer = $"/paths/{Escape(template)}/{method}";
        if (!TryResolve(ref operationPointer, out var operation))
        {
            return [$"{request.Method} {template}: not described."];
        }

        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var responses = operation.GetProperty("responses");
        var code = new[] { status, $"{status[0]}XX", "default" }.FirstOrDefault(c => responses.TryGetProperty(c, out _));
        var where = $"{request.Method} {template} → {status}";
        if (code is null)
        {
            return [$"{where}: status not described."];
        }
        var responsePointer = $"{operationPointer}/responses/{Escape(code)}";
        if (!TryResolve(ref responsePointer, out var described))
        {
            return [$"{where}: the response's reference does not resolve."];
        }

        var violations = new List<string>();
        if (described.TryGetProperty("headers", out var headers))
        {
            foreach (var header in headers.EnumerateObject())
            {
                if (header.Value.TryGetProperty("required", out var required) && required.GetBoolean() && !HasHeader(response, header.Name))
                {
                    violations.Add($"{where}: header {header.Name} is required.");
                }
            }
        }

        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var hasContent = described.TryGetProperty("content", out var content);
        if (body.Length == 0 && mediaType is null)
        {
            if (hasContent)
            {
                violations.Add($"{where}: no body, but openapi.yaml describes one.");
            }
            return violations;
        }
        if (!hasContent || mediaType is null || !content.TryGetProperty(mediaType, out _))
        {
            violations.Add($"{where}: body of type {mediaType ?? "(none)"} is not described.");
            return violations;
        }

        var instance = IsJson(mediaType) ? JsonDocument.Parse(body).RootElement : JsonSerializer.SerializeToElement(body);
        EvaluationResults result;
        // JsonSchema.Net's registry (in the build options) is a plain dictionary: concurrent answers must not build or resolve at once.
        lock (_build)
        {
            result = SchemaAt($"{responsePointer}/content/{Escape(mediaType)}/schema").Evaluate(instance, _evaluation);
        }
        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"));
            violations.Add($"{where}: the {mediaType} body does not match openapi.yaml: {string.Join("; ", errors)}\n{body}");
        }
        return violations;
    }

    private JsonSchema SchemaAt(string pointer) =>
        JsonSchema.FromText(new JsonObject { ["$ref"] = $"{DocumentUri}#{UriFragment(pointer)}" }.ToJsonString(), _build);

    private static bool HasHeader(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.Contains(name) || response.Content.Headers.NonValidated.Contains(name);

    private static bool IsJson(string mediaType) => mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

    private static bool Matches(string template, string path)
    {
        var expected = template.Split('/');
        var actual = path.Split('/');
        return expected.Length == actual.Length && expected.Zip(actual).All(pair =>
            pair.First.StartsWith('{') ? pair.Second.Length > 0 : pair.First == Uri.UnescapeDataString(pair.Second));
    }

    /// <summary>The element at <paramref name="pointer"/>, following local references; the pointer becomes the one of what was found.</summary>
    private bool TryResolve(ref string pointer, out JsonElement element)
    {
        element = _json;
        foreach (var token in pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/").Replace("~0", "~")))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(token, out element))
            {
                return false;
            }
        }
        if (Reference(element) is not { } target)
        {
            return true;
        }
        pointer = target;
        return TryResolve(ref pointer, out element);
    }

    /// <summary>The local JSON pointer a <c>$ref</c> object points to, or null for anything else.</summary>
    private static string? Reference(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference)
            && reference.GetString() is ['#', .. var pointer] ? pointer : null;

    private static string UriFragment(string pointer) => string.Join('/', pointer.Split('/').Select(Uri.EscapeDataString));

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");
}
