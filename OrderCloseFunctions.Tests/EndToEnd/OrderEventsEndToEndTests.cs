using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Tools.Hosting;
using OrderClose.Orders;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.EndToEnd;

/// <summary>Order events over the runner: each move out of NEW lands once on the local topic, read back over HTTP, and survives a stop.</summary>
public sealed class OrderEventsEndToEndTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("orderclose-events-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task A_payment_and_a_close_each_publish_one_cloud_event_whose_data_is_the_order_as_GET_returns_it()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName);
        using (await runner.CreateAsync("E2E-EV-PAID", timeoutSeconds: 60)) { }
        using (await runner.PayAsync("E2E-EV-PAID")) { }
        using (await runner.CreateAsync("E2E-EV-LATE", timeoutSeconds: 1)) { }

        var events = await runner.WaitForEventsAsync(2);
        var paid = await runner.GetAsync("E2E-EV-PAID");
        var cancelled = await runner.WaitUntilSettledAsync("E2E-EV-LATE");

        Assert.Equal(2, events.Count);
        var paidEvent = events.Single(e => e.GetProperty("event").GetProperty("subject").GetString() == "E2E-EV-PAID").GetProperty("event");
        var cancelledEvent = events.Single(e => e.GetProperty("event").GetProperty("subject").GetString() == "E2E-EV-LATE").GetProperty("event");
        Assert.Equal("1.0", paidEvent.GetProperty("specversion").GetString());
        Assert.Equal(("E2E-EV-PAID:1:paid", OrderEventTypes.Paid), (paidEvent.GetProperty("id").GetString(), paidEvent.GetProperty("type").GetString()));
        Assert.Equal(("E2E-EV-LATE:1:cancelled", OrderEventTypes.Cancelled), (cancelledEvent.GetProperty("id").GetString(), cancelledEvent.GetProperty("type").GetString()));
        Assert.Equal(paid.GetRawText(), paidEvent.GetProperty("data").GetRawText());
        Assert.Equal(cancelled.GetRawText(), cancelledEvent.GetProperty("data").GetRawText());
        Assert.Equal([1L, 2L], events.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.All(events, e => Assert.Equal(0, e.GetProperty("duplicates").GetInt64()));
        Assert.Equal(2, (await runner.EventsAsync(after: 0)).Count);
        Assert.Single(await runner.EventsAsync(after: 1));
    }

    [Fact]
    public async Task An_event_whose_publish_failed_before_a_stop_is_published_by_the_sweep_after_the_restart()
    {
        await using (var broken = await RunningRunner.StartAsync(_data.FullName,
            services => services.Decorate<IOrderEventPublisher>(_ => new DownPublisher()), "--Sweep:Interval=01:00:00"))
        {
            using (await broken.CreateAsync("E2E-EV-STOP", timeoutSeconds: 1)) { }
            Assert.Equal("CANCELLED", (await broken.WaitUntilSettledAsync("E2E-EV-STOP")).GetProperty("state").GetString());
            Assert.Empty(await broken.EventsAsync());
        }

        await using var restarted = await RunningRunner.StartAsync(_data.FullName, "--Sweep:Interval=00:00:00.200", "--Orders:Sweep:EventGrace=00:00:00");
        var events = await restarted.WaitForEventsAsync(1);

        Assert.Equal("E2E-EV-STOP:1:cancelled", Assert.Single(events).GetProperty("event").GetProperty("id").GetString());
        Assert.Equal(
            (await restarted.GetAsync("E2E-EV-STOP")).GetRawText(),
            events[0].GetProperty("event").GetProperty("data").GetRawText());
    }

    [Theory]
    [InlineData("after=-1")]
    [InlineData("after=x")]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    public async Task A_bad_cursor_or_limit_is_a_400_problem(string query)
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName);

        using var response = await runner.Http.GetAsync($"local/events?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A topic that cannot be reached.</summary>
    private sealed class DownPublisher : IOrderEventPublisher
    {
        public Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken) =>
            throw new DependencyUnavailableException("The topic is down.");
    }
}
