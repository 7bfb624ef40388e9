using System.Diagnostics;
using OrderClose.Tools.Bench;
using OrderClose.Tools.Faults;
using OrderClose.LocalRunner.Events;
using OrderClose.LocalRunner.Messaging;
using OrderClose.LocalRunner.Payments;
using OrderClose.LocalRunner.Sweep;
using OrderClose.Orders.Ports;

namespace OrderClose.Tools.Chaos;

/// <summary>
/// Drives the runner under chaos over HTTP: places the orders and pays the chosen ones (retrying as a client does),
/// restarts the runner on a timer if asked, waits until no order is NEW and the webhook took every event (or the bound
/// passes), then reads every order back with what the sandbox provider knows of its trade, and the events.
/// </summary>
public sealed class ChaosDriver(ChaosOptions options, BenchOrders orders, IChaosRunner host, HttpClient http, ChaosCounts counts, FaultPlan plan, ChaosWebhook webhook)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly OrderApiClient _api = new(http);

    public async Task<ChaosReport> RunAsync()
    {
        var run = options.Run;
        var clock = Stopwatch.StartNew();
        using var stopRestarts = new CancellationTokenSource();
        var restarts = options.Faults.IsOn(FaultKinds.Restart) ? RestartUntilAsync(stopRestarts.Token) : Task.CompletedTask;
        var created = new bool[run.Orders];
        var pays = new PayOutcome[run.Orders];
        bool settled;
        try
        {
            await PlaceAndPayAsync(created, pays);
            // Past the deadline, a close may spend its whole retry budget; the sweep then takes what is left.
            var bound = run.Timeout + ChaosSettings.RetryBudget + TimeSpan.FromSeconds(30);
            settled = await WaitUntilSettledAsync(DateTimeOffset.UtcNow + bound);
            if (options.LatePayRatio > 0)
            {
                await PayLateAsync(pays);
                // The refunds' events must be published too.
                settled &= await WaitUntilNoRefundPendingAsync(DateTimeOffset.UtcNow + bound)
                    && await WaitUntilSettledAsync(DateTimeOffset.UtcNow + bound);
            }
            settled &= await webhook.WaitUntilTakenAllAsync(host, DateTimeOffset.UtcNow + bound);
        }
        finally
        {
            // Also when the drive failed: a restart after the runner's disposal would leave a runner behind.
            await stopRestarts.CancelAsync();
            await restarts;
        }

        var finals = new FinalOrder[run.Orders];
        var trades = new TradeState?[run.Orders];
        var refunds = new int[run.Orders];
        var next = -1;
        await BenchDriver.Workers(run.Concurrency, async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < run.Orders)
            {
                finals[index] = await _api.ReadAsync(orders.Number(index));
            }
        });
        var (deadLetters, sweeperCloses, ledger) = await host.WithServicesAsync(async services =>
        {
            var sandbox = services.GetRequiredService<SandboxTrades>();
            for (var i = 0; i < run.Orders; i++)
            {
                trades[i] = (await sandbox.FindAsync(orders.Number(i)))?.State;
                refunds[i] = await sandbox.RefundCountAsync(orders.Number(i));
            }
            var ledger = await OrderEventLedger.ReadAsync(services.GetRequiredService<SqliteEventTopic>());
            if (!host.InProcess)
            {
                CountMovesFromEvents(ledger);
            }
            return ((await services.GetRequiredService<SqliteCloseQueue>().DeadLettersAsync()).Count,
                host.InProcess ? counts.SweeperCloses + services.GetRequiredService<SweepTotals>().Closed : (long?)null, ledger);
        });

        return ChaosReport.From(options, orders, created, pays, finals, trades, counts, plan.Injected,
            deadLetters, sweeperCloses, settled, clock.Elapsed.TotalSeconds, LateRefunds.From(options, orders, pays, finals, refunds),
            EventInvariants.From(orders, finals, ledger, webhook.Deliveries));
    }

    /// <summary>The late payers pay now that their orders are cancelled, through the old cashier link without an expiry.</summary>
    private Task PayLateAsync(PayOutcome[] pays)
    {
        var next = -1;
        return BenchDriver.Workers(options.Run.Concurrency, async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < options.Run.Orders)
            {
                if (options.PaysLate(orders, index))
                {
                    pays[index] = await _api.PayLateAsync(orders.Number(index));
                }
            }
        });
    }

    /// <summary>True when no refund is PENDING before <paramref name="giveUpAt"/>.</summary>
    private async Task<bool> WaitUntilNoRefundPendingAsync(DateTimeOffset giveUpAt)
    {
        while (DateTimeOffset.UtcNow < giveUpAt)
        {
            var page = await host.WithServicesAsync(services =>
                services.GetRequiredService<IStalledRefunds>().FindAsync(DateTimeOffset.MaxValue, 1, null, CancellationToken.None));
            if (page.OutTradeNos.Count == 0)
            {
                return true;
            }
            await Task.Delay(Poll);
        }
        return false;
    }

    private Task PlaceAndPayAsync(bool[] created, PayOutcome[] pays)
    {
        var next = -1;
        return BenchDriver.Workers(options.Run.Concurrency, async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < options.Run.Orders)
            {
                created[index] = await _api.CreateAsync(orders.Number(index), options.Run.Timeout);
                if (created[index] && orders.IsPaid(index))
                {
                    pays[index] = await _api.PayAsync(orders.Number(index));
                }
            }
        });
    }

    /// <summary>A child process's moves, which no decorator of ours saw: each move out of NEW wrote one event.</summary>
    private void CountMovesFromEvents(OrderEventLedger ledger)
    {
        for (var i = 0; i < options.Run.Orders; i++)
        {
            foreach (var _ in ledger.TransitionIds(orders.Number(i)))
            {
                counts.Moved(orders.Number(i));
            }
        }
    }

    private async Task RestartUntilAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.RestartEvery, stop);
                await host.RestartAsync();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// True when, before <paramref name="giveUpAt"/>, no order is NEW and no event waits to be published (a move whose
    /// publish failed or was cut off by a restart is published by a later sweep): only then are the events whole.
    /// </summary>
    private async Task<bool> WaitUntilSettledAsync(DateTimeOffset giveUpAt)
    {
        while (DateTimeOffset.UtcNow < giveUpAt)
        {
            var settled = await host.WithServicesAsync(async services =>
                IsEmpty(await services.GetRequiredService<IOverdueOrders>().FindAsync(DateTimeOffset.MaxValue, 1, null, CancellationToken.None))
                && IsEmpty(await services.GetRequiredService<IPendingOrderEvents>().FindAsync(DateTimeOffset.MaxValue, 1, null, CancellationToken.None)));
            if (settled)
            {
                return true;
            }
            await Task.Delay(Poll);
        }
        return false;
    }

    private static bool IsEmpty(OverduePage page) => page.OutTradeNos.Count == 0 && page.Continuation is null;
}
