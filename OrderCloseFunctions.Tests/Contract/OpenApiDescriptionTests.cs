using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;
using OrderClose.Functions;
using OrderClose.Functions.Http;
using OrderClose.LocalRunner.Hosting;
using OrderClose.LocalRunner.Payments;
using OrderClose.Tests.EndToEnd;
using OrderClose.Tests.Infra;

namespace OrderClose.Tests.Contract;

/// <summary>openapi.yaml against the code: every route, every problem type, and a checker that does catch a difference.</summary>
public sealed class OpenApiDescriptionTests
{
    private static readonly OpenApiContract Contract = OpenApiContract.Current;

    [Fact]
    public void The_document_is_OpenAPI_3_1_and_parses_without_errors()
    {
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, Contract.Version);
        Assert.NotEmpty(Contract.Document.Paths);
    }

    [Fact]
    public void Every_http_function_is_described_on_its_route_and_method()
    {
        var functions = typeof(CreateOrderFunction).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(method => method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>())
            .SelectMany(trigger => trigger.Methods!.Select(verb => Route(verb, "/api/" + trigger.Route)))
            .ToList();

        Assert.NotEmpty(functions);
        Assert.Subset(DescribedRoutes(), functions.ToHashSet());
    }

    [Fact]
    public void The_runner_serves_exactly_the_described_routes()
    {
        var app = LocalRunnerHost.Build(new RunnerOptions { Urls = "http://127.0.0.1:0", DataDirectory = null });
        var served = ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(verb => Route(verb, endpoint.RoutePattern.RawText!)))
            .ToHashSet();

        Assert.Equal(DescribedRoutes().Order(), served.Order());
    }

    [Fact]
    public void Every_problem_type_is_described_with_its_status()
    {
        var yaml = RepositoryFiles.Read("openapi.yaml");

        Assert.All(ProblemTypes.All.Concat(SandboxProblems.All), type =>
            Assert.Matches($"type: {{ const: '{type.Uri}' }}\\s+status: {{ const: {type.Status} }}", yaml));
    }

    [Fact]
    public async Task The_runner_serves_the_document_as_it_is_in_the_repository()
    {
        var data = Directory.CreateTempSubdirectory("orderclose-openapi-");
        try
        {
            await using var runner = await RunningRunner.StartAsync(data.FullName);

            using var answer = await runner.Http.GetAsync("api/openapi.yaml");

            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(OpenApiEndpoint.ContentType, answer.Content.Headers.ContentType!.MediaType);
            Assert.Equal(RepositoryFiles.Read("openapi.yaml"), await answer.Content.ReadAsStringAsync());
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private const string Order = """
        {"outTradeNo":"T1","state":"NEW","amount":1999,"currency":"CNY","payType":"SANDBOX","subject":null,
         "createdAt":"2026-11-28T12:00:00.1234567Z","payDeadline":"2026-11-28T12:00:10Z","paidAt":null,"closedAt":null,
         "closeReason":null,"refundRequired":false,"refund":null}
        """;

    private const string NotFound = """
        {"type":"tag:orderclose,2026:problem:order-not-found","title":"No such order.","status":404,"detail":"There is no order T1.","traceId":"00-1"}
        """;

    [Fact]
    public async Task Answers_as_described_pass()
    {
        Assert.Empty(await ViolationsAsync("GET", "/api/orders/T1", HttpStatusCode.OK, "application/json", Order));
        Assert.Empty(await ViolationsAsync("GET", "/api/orders/T1", HttpStatusCode.NotFound, "application/problem+json", NotFound));
        Assert.Empty(await ViolationsAsync("GET", "/api/orders/T1", HttpStatusCode.OK, "application/json", Order.Replace("\"refund\":null",
            "\"refund\":{\"status\":\"SUCCEEDED\",\"amount\":1999,\"requestedAt\":\"2026-11-28T12:00:10Z\",\"completedAt\":\"2026-11-28T12:00:11Z\",\"providerRefundNo\":\"RF1\"}")));
    }

    [Theory]
    [InlineData("GET", "/api/orders/T1", 200, "application/json", "\"refund\":null}", "\"refund\":null,\"extra\":1}", "does not match")]
    [InlineData("GET", "/api/orders/T1", 200, "application/json", "\"refund\":null", "\"refund\":{\"status\":\"DONE\",\"amount\":1999,\"requestedAt\":\"2026-11-28T12:00:10Z\",\"completedAt\":null,\"providerRefundNo\":null}", "does not match")]
    [InlineData("GET", "/api/orders/T1", 200, "application/json", "\"state\":\"NEW\"", "\"state\":\"OPEN\"", "does not match")]
    [InlineData("GET", "/api/orders/T1", 200, "application/json", "2026-11-28T12:00:10Z", "2026-11-28 noon", "does not match")]
    [InlineData("GET", "/api/orders/T1", 404, "application/problem+json", ",\"traceId\":\"00-1\"", "", "does not match")]
    [InlineData("GET", "/api/orders/T1", 404, "application/problem+json", "order-not-found", "order-number-taken", "does not match")]
    [InlineData("GET", "/api/orders/T1", 404, "application/json", "", "", "is not described")]
    [InlineData("GET", "/api/orders/T1", 418, "application/json", "", "", "status not described")]
    [InlineData("DELETE", "/api/orders/T1", 200, "application/json", "", "", "not described")]
    [InlineData("GET", "/api/nowhere", 200, "application/json", "", "", "no path")]
    public async Task An_answer_unlike_the_description_is_reported(
        string method, string path, int status, string mediaType, string replace, string with, string expected)
    {
        var described = status == 404 ? NotFound : Order;
        var body = replace.Length > 0 ? described.Replace(replace, with) : described;

        var violations = await ViolationsAsync(method, path, (HttpStatusCode)status, mediaType, body);

        Assert.Contains(violations, violation => violation.Contains(expected));
    }

    [Fact]
    public async Task A_required_header_that_is_missing_is_reported()
    {
        var unavailable = """{"type":"tag:orderclose,2026:problem:unavailable","title":"t","status":503,"detail":"d","traceId":"x"}""";

        var violations = await ViolationsAsync("GET", "/api/orders/T1", HttpStatusCode.ServiceUnavailable, "application/problem+json", unavailable);

        Assert.Contains("GET /api/orders/{outTradeNo} → 503: header Retry-After is required.", violations);
    }

    private static async Task<IReadOnlyList<string>> ViolationsAsync(string method, string path, HttpStatusCode status, string mediaType, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(new Uri("http://127.0.0.1:7071"), path));
        using var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        return await Contract.ViolationsAsync(request, response);
    }

    private static HashSet<string> DescribedRoutes() =>
    [
        .. Contract.Document.Paths.SelectMany(path => path.Value.Operations!.Keys.Select(verb => Route(verb.Method, path.Key))),
    ];

    private static string Route(string verb, string path) => $"{verb.ToUpperInvariant()} {path}";
}
