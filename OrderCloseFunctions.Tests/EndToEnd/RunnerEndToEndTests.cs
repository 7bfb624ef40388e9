using System.Net;
using System.Text;
using System.Text.Json;
using OrderClose.LocalRunner.Messaging;
using OrderClose.LocalRunner.Payments;

namespace OrderClose.Tests.EndToEnd;

/// <summary>The whole system as the local runner hosts it: the real functions over HTTP, the SQLite store and close queue, the sandbox provider.</summary>
public sealed class RunnerEndToEndTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("orderclose-e2e-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task An_unpaid_order_is_cancelled_at_its_deadline()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName);

        using var created = await runner.CreateAsync("E2E-UNPAID", timeoutSeconds: 1);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("NEW", (await runner.GetAsync("E2E-UNPAID")).GetProperty("state").GetString());

        var order = await runner.WaitUntilSettledAsync("E2E-UNPAID");

        Assert.Equal("CANCELLED", order.GetProperty("state").GetString());
        Assert.Equal("PAYMENT_TIMEOUT", order.GetProperty("closeReason").GetString());
        Assert.True(order.GetProperty("closedAt").GetDateTimeOffset() >= order.GetProperty("payDeadline").GetDateTimeOffset());
        Assert.Equal(1, runner.Calls.Queries);
        Assert.Equal(1, runner.Calls.Closes);
        using var lateCashier = await runner.PayAsync("E2E-UNPAID");
        Assert.Equal(HttpStatusCode.Conflict, lateCashier.StatusCode);
    }

    [Fact]
    public async Task A_paid_order_is_paid_and_its_close_cancelled_without_asking_the_provider()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName);
        using var created = await runner.CreateAsync("E2E-PAID", timeoutSeconds: 1);

        using var paid = await runner.PayAsync("E2E-PAID");

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var cashier = JsonDocument.Parse(await paid.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("success", cashier.GetProperty("notification").GetProperty("answer").GetString());
        Assert.Equal("PAID", (await runner.GetAsync("E2E-PAID")).GetProperty("state").GetString());
        Assert.Equal(0, await runner.Service<SqliteCloseQueue>().ActiveCountAsync());
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal("PAID", (await runner.GetAsync("E2E-PAID")).GetProperty("state").GetString());
        Assert.Equal(0, runner.Calls.Queries);
        Assert.Equal(1, runner.Transitions.MovesOf("E2E-PAID"));
    }

    [Fact]
    public async Task A_payment_notified_after_the_cancel_is_recorded_as_needing_a_refund()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName);
        using var created = await runner.CreateAsync("E2E-LATE", timeoutSeconds: 1);
        var cancelled = await runner.WaitUntilSettledAsync("E2E-LATE");
        Assert.Equal("CANCELLED", cancelled.GetProperty("state").GetString());

        // A callback the provider sent before the close but that arrives after it.
        var body = new SandboxNotification("E2E-LATE", "SBXLATE", SandboxNotification.Success, 1999, "CNY", DateTimeOffset.UtcNow).ToJson();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/payments/sandbox/notify")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(SandboxNotification.SignatureHeader, runner.Service<SandboxSigner>().Sign(body));
        using var answer = await runner.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("success", await answer.Content.ReadAsStringAsync());
        var order = await runner.GetAsync("E2E-LATE");
        Assert.Equal("CANCELLED", order.GetProperty("state").GetString());
        Assert.True(order.GetProperty("refundRequired").GetBoolean());
    }

    [Fact]
    public async Task A_notification_with_a_bad_signature_changes_nothing()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName);
        using var created = await runner.CreateAsync("E2E-FORGED", timeoutSeconds: 60);
        var body = new SandboxNotification("E2E-FORGED", "SBXFORGED", SandboxNotification.Success, 1999, "CNY", DateTimeOffset.UtcNow).ToJson();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/payments/sandbox/notify")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(SandboxNotification.SignatureHeader, Convert.ToBase64String(new byte[32]));

        using var answer = await runner.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("NEW", (await runner.GetAsync("E2E-FORGED")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_same_create_twice_answers_200_with_the_same_order()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName);

        using var first = await runner.CreateAsync("E2E-TWICE", timeoutSeconds: 60);
        using var second = await runner.CreateAsync("E2E-TWICE", timeoutSeconds: 60);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await runner.Service<SqliteCloseQueue>().ActiveCountAsync());
    }

    [Fact]
    public async Task Closes_pending_when_the_runner_stops_fire_after_it_starts_again()
    {
        await using (var first = await RunningRunner.StartAsync(_data.FullName))
        {
            using var soon = await first.CreateAsync("E2E-RESTART-1", timeoutSeconds: 1);
            using var later = await first.CreateAsync("E2E-RESTART-2", timeoutSeconds: 3);
            Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        }
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        await using var second = await RunningRunner.StartAsync(_data.FullName);

        Assert.Equal("CANCELLED", (await second.WaitUntilSettledAsync("E2E-RESTART-1")).GetProperty("state").GetString());
        Assert.Equal("CANCELLED", (await second.WaitUntilSettledAsync("E2E-RESTART-2")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Payments_racing_closes_at_the_deadline_leave_every_order_settled_once()
    {
        const int orders = 200;
        await using var runner = await RunningRunner.StartAsync(_data.FullName);
        var numbers = Enumerable.Range(0, orders).Select(i => $"E2E-RACE-{i}").ToArray();
        var deadlines = await Task.WhenAll(numbers.Select(async number =>
        {
            using var created = await runner.CreateAsync(number, timeoutSeconds: 2);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("payDeadline").GetDateTimeOffset();
        }));

        // Every other buyer pays exactly at the deadline, while the close fires.
        var cashier = await Task.WhenAll(numbers.Select(async (number, i) =>
        {
            if (i % 2 == 1)
            {
                return (HttpStatusCode?)null;
            }
            var wait = deadlines[i] - DateTimeOffset.UtcNow;
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            using var paid = await runner.PayAsync(number);
            return paid.StatusCode;
        }));

        for (var i = 0; i < orders; i++)
        {
            var order = await runner.WaitUntilSettledAsync(numbers[i]);
            var expected = cashier[i] == HttpStatusCode.OK ? "PAID" : "CANCELLED";
            Assert.True(cashier[i] is null or HttpStatusCode.OK or HttpStatusCode.Conflict, $"{numbers[i]}: cashier answered {cashier[i]}");
            Assert.Equal((numbers[i], expected), (numbers[i], order.GetProperty("state").GetString()));
            Assert.False(order.GetProperty("refundRequired").GetBoolean());
            Assert.Equal((numbers[i], 1), (numbers[i], runner.Transitions.MovesOf(numbers[i])));
        }
        Assert.Empty(await runner.Service<SqliteCloseQueue>().DeadLettersAsync());
    }
}
