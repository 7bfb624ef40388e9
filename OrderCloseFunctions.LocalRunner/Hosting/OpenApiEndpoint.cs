namespace OrderClose.LocalRunner.Hosting;

/// <summary><c>GET /api/openapi.yaml</c>: the repository's API description (openapi.yaml), built into the runner.</summary>
public static class OpenApiEndpoint
{
    public const string Route = "/api/openapi.yaml";
    public const string ContentType = "application/yaml";

    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = typeof(OpenApiEndpoint).Assembly.GetManifestResourceStream("openapi.yaml")
            ?? throw new InvalidOperationException("openapi.yaml is not built into the runner.");
        return new StreamReader(stream).ReadToEnd();
    });

    public static IEndpointRouteBuilder MapOpenApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, () => Results.Text(Document.Value, ContentType));
        return app;
    }
}
