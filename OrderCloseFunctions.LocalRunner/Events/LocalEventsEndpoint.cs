using System.Text.Json;
using OrderClose.Functions.Http;
using OrderClose.LocalRunner.Hosting;

namespace OrderClose.LocalRunner.Events;

/// <summary>
/// <c>GET /local/events?after={sequence}&amp;limit={n}</c>: the local topic read back, oldest first, after a sequence number
/// (0: from the start). Answers <c>{"events": [{"sequence", "duplicates", "event": {CloudEvent}}], "lastSequence"}</c>;
/// pass <c>lastSequence</c> as the next <c>after</c>.
/// </summary>
public static class LocalEventsEndpoint
{
    public const string Route = "/local/events";
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapLocalEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, ReadAsync);
        return app;
    }

    private static async Task ReadAsync(HttpContext context, SqliteEventTopic topic)
    {
        var request = context.Request;
        var errors = new Dictionary<string, string[]>();
        var after = QueryParameters.WholeNumber(request.Query, "after", 0, 0, long.MaxValue, errors);
        var limit = QueryParameters.WholeNumber(request.Query, "limit", 100, 1, MaxLimit, errors);
        if (errors.Count > 0)
        {
            await Problems.Validation(errors).ExecuteAsync(context);
            return;
        }

        var events = await topic.ReadAsync(after, (int)limit);
        await context.Response.WriteAsJsonAsync(new
        {
            events = events.Select(e => new { sequence = e.Sequence, duplicates = e.Duplicates, @event = JsonDocument.Parse(e.Json).RootElement }),
            lastSequence = events.Count == 0 ? after : events[^1].Sequence,
        });
    }
}
