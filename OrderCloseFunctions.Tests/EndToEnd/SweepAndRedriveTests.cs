using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using OrderClose.Tests.TestDoubles;
using OrderClose.Tools.Hosting;
using OrderClose.LocalRunner.Messaging;
using OrderClose.LocalRunner.Sweep;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.EndToEnd;

/// <summary>The runner's recovery paths for a close that never comes: the sweep, and re-driving a dead letter.</summary>
public sealed class SweepAndRedriveTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("orderclose-sweep-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task An_order_whose_close_was_lost_is_cancelled_by_the_sweep()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName, "--Sweep:Interval=00:00:00.200", "--Orders:Sweep:Grace=00:00:00");
        using var created = await runner.CreateAsync("E2E-LOST", timeoutSeconds: 1);
        var stored = await runner.Service<IOrderStore>().FindAsync("E2E-LOST", CancellationToken.None);
        Assert.True(await runner.Service<SqliteCloseQueue>().CancelScheduledAsync(stored!.Order.ScheduledCloseHandle!.Value));

        var order = await runner.WaitUntilSettledAsync("E2E-LOST");

        Assert.Equal("CANCELLED", order.GetProperty("state").GetString());
        // The run that closed it adds to the totals once it is over (after its pass over pending events).
        await WaitUntilAsync(() => Task.FromResult(runner.Service<SweepTotals>().Runs > 0 && runner.Service<SweepTotals>().Closed > 0));
        Assert.Equal(1, runner.Service<SweepTotals>().Closed);
        Assert.Equal(1, runner.Transitions.MovesOf("E2E-LOST"));
    }

    [Fact]
    public async Task A_runner_sweeps_as_it_starts_so_restarts_more_frequent_than_the_interval_cannot_starve_the_sweep()
    {
        string[] settings = ["--Sweep:Interval=01:00:00", "--Orders:Sweep:Grace=00:00:00"];
        await using (var first = await RunningRunner.StartAsync(_data.FullName, settings))
        {
            using var created = await first.CreateAsync("E2E-MISSED-SWEEP", timeoutSeconds: 1);
            var stored = await first.Service<IOrderStore>().FindAsync("E2E-MISSED-SWEEP", CancellationToken.None);
            Assert.True(await first.Service<SqliteCloseQueue>().CancelScheduledAsync(stored!.Order.ScheduledCloseHandle!.Value));
        }
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        // Started again past the deadline, an hour before its next interval: only a run at start can take the order.
        await using var second = await RunningRunner.StartAsync(_data.FullName, settings);
        var order = await second.WaitUntilSettledAsync("E2E-MISSED-SWEEP");

        Assert.Equal("CANCELLED", order.GetProperty("state").GetString());
        Assert.Equal(1, second.Transitions.MovesOf("E2E-MISSED-SWEEP"));
    }

    [Fact]
    public async Task A_sweep_that_throws_is_counted_and_runs_again_at_the_next_interval_without_stopping_the_runner()
    {
        var failing = new FailingOverdueQuery(failures: 3);
        await using var runner = await RunningRunner.StartAsync(_data.FullName,
            services => services.Decorate<IOverdueOrders>(failing.Around),
            "--Sweep:Interval=00:00:00.200", "--Orders:Sweep:Grace=00:00:00");
        using var created = await runner.CreateAsync("E2E-SWEEP-FAILS", timeoutSeconds: 1);
        var stored = await runner.Service<IOrderStore>().FindAsync("E2E-SWEEP-FAILS", CancellationToken.None);
        Assert.True(await runner.Service<SqliteCloseQueue>().CancelScheduledAsync(stored!.Order.ScheduledCloseHandle!.Value));

        var order = await runner.WaitUntilSettledAsync("E2E-SWEEP-FAILS");

        Assert.Equal("CANCELLED", order.GetProperty("state").GetString());
        Assert.False(runner.Service<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        // The run that closed it adds to the totals once it is over (after its pass over pending events).
        await WaitUntilAsync(() => Task.FromResult(runner.Service<SweepTotals>().Closed > 0));
        Assert.Equal(3, runner.Service<SweepTotals>().FailedRuns);
        Assert.Equal(1, runner.Service<SweepTotals>().Closed);
    }

    [Fact]
    public async Task A_dead_lettered_close_is_re_driven_over_http_and_then_cancels_the_order()
    {
        var provider = new RejectingProvider();
        await using var runner = await RunningRunner.StartAsync(_data.FullName, sandbox => provider.Around(sandbox));
        var queue = runner.Service<SqliteCloseQueue>();
        using var created = await runner.CreateAsync("E2E-DEAD", timeoutSeconds: 1);
        await WaitUntilAsync(async () => (await queue.DeadLettersAsync()).Count == 1);
        Assert.Equal("NEW", (await runner.GetAsync("E2E-DEAD")).GetProperty("state").GetString());

        provider.Rejecting = false;
        using var redrive = await runner.Http.PostAsync("api/ops/close-queue/dead-letters/redrive", content: null);

        Assert.Equal(HttpStatusCode.OK, redrive.StatusCode);
        var answer = await redrive.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, answer.GetProperty("redriven").GetInt32());
        Assert.Equal(0, answer.GetProperty("leftUnreadable").GetInt32());
        Assert.Empty(await queue.DeadLettersAsync());
        Assert.Equal("CANCELLED", (await runner.WaitUntilSettledAsync("E2E-DEAD")).GetProperty("state").GetString());
        Assert.Equal(1, runner.Transitions.MovesOf("E2E-DEAD"));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var giveUpAt = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < giveUpAt, "The condition never held.");
            await Task.Delay(100);
        }
    }

    /// <summary>An overdue query that throws what no adapter maps (as the Cosmos SDK does on cosmosdb-server) its first few times.</summary>
    private sealed class FailingOverdueQuery(int failures)
    {
        private int _left = failures;

        public IOverdueOrders Around(IOverdueOrders inner) => new Query(inner, this);

        private sealed class Query(IOverdueOrders inner, FailingOverdueQuery switches) : IOverdueOrders
        {
            public Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken) =>
                Interlocked.Decrement(ref switches._left) >= 0
                    ? throw new ArgumentNullException("providedRanges")
                    : inner.FindAsync(cutoff, max, continuation, cancellationToken);
        }
    }

    /// <summary>A provider misconfigured until <see cref="Rejecting"/> is cleared: every close it refuses for good.</summary>
    private sealed class RejectingProvider
    {
        public volatile bool Rejecting = true;

        public IPaymentProvider Around(IPaymentProvider sandbox) => new Provider(sandbox, this);

        private sealed class Provider(IPaymentProvider inner, RejectingProvider switches) : ForwardingPaymentProvider(inner)
        {
            public override Task<TradeQuery> QueryAsync(string outTradeNo, CancellationToken cancellationToken) => switches.Rejecting
                ? throw new PaymentProviderRejectedException(PayType, "INVALID_APP_ID", "The app id is not configured.")
                : base.QueryAsync(outTradeNo, cancellationToken);
        }
    }
}
