using System.Diagnostics;
using OrderClose.Functions.Http;
using OrderClose.Tests.Infra;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Functions.Http;

public sealed class ProblemsTests
{
    [Fact]
    public async Task A_problem_carries_its_type_title_status_detail_and_the_current_activitys_trace_id()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        var request = HttpTesting.Request("GET");

        var answer = await Problems.Of(ProblemTypes.OrderNotFound, "There is no order T1.").ExecuteAsync(request);

        Assert.Equal(404, answer.Status);
        Assert.Equal(Problems.ContentType, answer.MediaType);
        Assert.Equal("tag:orderclose,2026:problem:order-not-found", answer.Json.GetProperty("type").GetString());
        Assert.Equal("No such order.", answer.Json.GetProperty("title").GetString());
        Assert.Equal(404, answer.Json.GetProperty("status").GetInt32());
        Assert.Equal("There is no order T1.", answer.Json.GetProperty("detail").GetString());
        Assert.Equal(activity.Id, answer.Json.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Without_an_activity_the_trace_id_is_the_requests_identifier()
    {
        Assert.Null(Activity.Current);
        var request = HttpTesting.Request("GET");
        request.HttpContext.TraceIdentifier = "0HN-REQUEST-1";

        var answer = await Problems.Of(ProblemTypes.OrderNotFound, "There is no order T1.").ExecuteAsync(request);

        Assert.Equal("0HN-REQUEST-1", answer.Json.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task A_validation_problem_lists_the_errors_by_field_and_unavailable_says_when_to_retry()
    {
        var first = HttpTesting.Request("GET");
        var second = HttpTesting.Request("GET");

        var invalid = await Problems.InvalidOrderNumber().ExecuteAsync(first);
        var unavailable = await Problems.Unavailable(second.HttpContext.Response, "Retry.").ExecuteAsync(second);

        Assert.Equal(ProblemTypes.Validation.Uri, invalid.Json.GetProperty("type").GetString());
        Assert.Equal(400, invalid.Status);
        Assert.Equal(1, invalid.Json.GetProperty("errors").GetProperty("outTradeNo").GetArrayLength());
        Assert.Equal(ProblemTypes.Unavailable.Uri, unavailable.Json.GetProperty("type").GetString());
        Assert.Equal(503, unavailable.Status);
        Assert.Equal("5", unavailable.Headers.RetryAfter.ToString());
    }

    [Fact]
    public void Every_problem_type_has_its_own_uri()
    {
        var all = ProblemTypes.All.Concat(OrderClose.LocalRunner.Payments.SandboxProblems.All).ToList();

        Assert.Contains(ProblemTypes.Unavailable, all);
        Assert.Equal(all.Count, all.Select(type => type.Uri).Distinct().Count());
        Assert.All(all, type => Assert.Matches("^tag:orderclose,2026:problem:[a-z0-9-]+$", type.Uri));
    }

    [Fact]
    public void The_readme_lists_every_problem_type_with_its_status()
    {
        var readme = RepositoryFiles.Read("README.md");

        Assert.All(ProblemTypes.All.Concat(OrderClose.LocalRunner.Payments.SandboxProblems.All),
            type => Assert.Contains($"| `{type.Uri}` | {type.Status} |", readme));
    }
}
