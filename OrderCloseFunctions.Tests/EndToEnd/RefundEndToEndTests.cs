using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.LocalRunner.Messaging;
using OrderClose.LocalRunner.Payments;
using OrderClose.Orders;
using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;
using OrderClose.Tools.Hosting;

namespace OrderClose.Tests.EndToEnd;

/// <summary>
/// Late payments over the runner: an order cancelled at its deadline, then paid through the sandbox's old cashier
/// without an expiry (<c>POST /sandbox/late-pay/{no}</c>), is refunded at the sandbox once, through the local refund
/// queue and RefundLatePayment, with one refund_succeeded event; under <c>Manual</c> it is left to a person.
/// </summary>
public sealed class RefundEndToEndTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("orderclose-refund-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task A_payment_after_the_cancel_is_refunded_at_the_sandbox_exactly_once_with_one_refund_succeeded_event()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName);
        await CancelledAsync(runner, "E2E-REFUND");

        using var refused = await runner.PayAsync("E2E-REFUND");
        using var paidLate = await LatePayAsync(runner, "E2E-REFUND");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, paidLate.StatusCode);
        var order = await runner.WaitForRefundAsync("E2E-REFUND", "SUCCEEDED");
        Assert.Equal("CANCELLED", order.GetProperty("state").GetString());
        Assert.True(order.GetProperty("refundRequired").GetBoolean());
        var refund = order.GetProperty("refund");
        Assert.Equal(1999, refund.GetProperty("amount").GetInt64());
        Assert.StartsWith("SBXR", refund.GetProperty("providerRefundNo").GetString());
        Assert.True(refund.GetProperty("completedAt").GetDateTimeOffset() >= refund.GetProperty("requestedAt").GetDateTimeOffset());

        var events = await WaitForEventAsync(runner, "E2E-REFUND", OrderEventTypes.RefundSucceeded);
        var refunded = Assert.Single(events, e => e.GetProperty("type").GetString() == OrderEventTypes.RefundSucceeded);
        Assert.Equal("E2E-REFUND:2:refund_succeeded", refunded.GetProperty("id").GetString());
        Assert.Equal("SUCCEEDED", refunded.GetProperty("data").GetProperty("refund").GetProperty("status").GetString());
        Assert.Equal(1, await runner.Service<SandboxTrades>().RefundCountAsync("E2E-REFUND"));
        Assert.Equal(0, await RefundQueue(runner).ActiveCountAsync());
        Assert.Empty(await RefundQueue(runner).DeadLettersAsync());

        // A second late callback (a replay) asks nothing more of the provider.
        using var again = await LatePayAsync(runner, "E2E-REFUND");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await runner.Service<SandboxTrades>().RefundCountAsync("E2E-REFUND"));
        Assert.Equal("SUCCEEDED", (await runner.GetAsync("E2E-REFUND")).GetProperty("refund").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Under_Manual_a_late_payment_is_left_to_a_person_and_the_sandbox_refunds_nothing()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName, "--Orders:LatePayments=Manual");
        await CancelledAsync(runner, "E2E-MANUAL");

        using var paidLate = await LatePayAsync(runner, "E2E-MANUAL");

        Assert.Equal(HttpStatusCode.OK, paidLate.StatusCode);
        var order = await runner.GetAsync("E2E-MANUAL");
        var refund = order.GetProperty("refund");
        Assert.Equal(("MANUAL", JsonValueKind.Null), (refund.GetProperty("status").GetString(), refund.GetProperty("completedAt").ValueKind));
        Assert.True(order.GetProperty("refundRequired").GetBoolean());
        Assert.Equal(0, await RefundQueue(runner).ActiveCountAsync());
        Assert.Equal(0, await runner.Service<SandboxTrades>().RefundCountAsync("E2E-MANUAL"));
    }

    [Fact]
    public async Task A_refund_request_lost_after_the_late_payment_is_sent_again_by_the_sweep_and_the_refund_still_happens_once()
    {
        var lost = new LosingRefundScheduler();
        await using var runner = await RunningRunner.StartAsync(_data.FullName,
            services => services.Decorate<IRefundScheduler>(lost.Around),
            "--Sweep:Interval=00:00:00.500", "--Orders:Sweep:RefundGrace=00:00:01");
        await CancelledAsync(runner, "E2E-SWEPT");

        using var paidLate = await LatePayAsync(runner, "E2E-SWEPT");

        Assert.Equal(HttpStatusCode.OK, paidLate.StatusCode);
        Assert.Equal(1, lost.Lost);
        var order = await runner.WaitForRefundAsync("E2E-SWEPT", "SUCCEEDED");
        Assert.Equal("SUCCEEDED", order.GetProperty("refund").GetProperty("status").GetString());
        Assert.Equal(1, await runner.Service<SandboxTrades>().RefundCountAsync("E2E-SWEPT"));
    }

    private static async Task CancelledAsync(RunningRunner runner, string outTradeNo)
    {
        using var created = await runner.CreateAsync(outTradeNo, timeoutSeconds: 1);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("CANCELLED", (await runner.WaitUntilSettledAsync(outTradeNo)).GetProperty("state").GetString());
    }

    private static Task<HttpResponseMessage> LatePayAsync(RunningRunner runner, string outTradeNo) =>
        runner.Http.PostAsync($"sandbox/late-pay/{outTradeNo}", content: null);

    private static SqliteCloseQueue RefundQueue(RunningRunner runner) =>
        runner.Service<IServiceProvider>().GetRequiredKeyedService<SqliteCloseQueue>(LocalQueueRegistration.RefundsKey);

    /// <summary>The order's events once one of <paramref name="type"/> is there (bounded).</summary>
    private static async Task<List<JsonElement>> WaitForEventAsync(RunningRunner runner, string outTradeNo, string type)
    {
        var giveUpAt = DateTime.UtcNow + Patience;
        while (true)
        {
            var events = (await runner.EventsAsync()).Select(e => e.GetProperty("event"))
                .Where(e => e.GetProperty("subject").GetString() == outTradeNo).ToList();
            if (events.Any(e => e.GetProperty("type").GetString() == type) || DateTime.UtcNow > giveUpAt)
            {
                return events;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Loses the first refund request it is asked to send, as a Service Bus outage right after the compare-and-set would.</summary>
    private sealed class LosingRefundScheduler
    {
        private int _lost;

        public int Lost => Volatile.Read(ref _lost);

        public IRefundScheduler Around(IRefundScheduler inner) => new Scheduler(inner, this);

        private sealed class Scheduler(IRefundScheduler inner, LosingRefundScheduler owner) : IRefundScheduler
        {
            public Task ScheduleAsync(RefundSchedule schedule, CancellationToken cancellationToken) =>
                Interlocked.CompareExchange(ref owner._lost, 1, 0) == 0
                    ? throw new DependencyUnavailableException("Service Bus is down.")
                    : inner.ScheduleAsync(schedule, cancellationToken);
        }
    }
}
