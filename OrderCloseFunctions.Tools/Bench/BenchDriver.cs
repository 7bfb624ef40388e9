using System.Diagnostics;
using System.Threading.Channels;
using OrderClose.LocalRunner.Messaging;

namespace OrderClose.Tools.Bench;

/// <summary>
/// Drives a started runner over HTTP: places the orders (C requests in flight), pays the chosen ones at the sandbox
/// cashier as they are placed, waits for every deadline and for the close queue to drain, then reads every order back.
/// </summary>
public sealed class BenchDriver(BenchOptions options, BenchOrders orders, HttpClient http, SqliteCloseQueue queue, CallCounts counts)
{
    private readonly OrderApiClient _api = new(http);

    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(100);

    public async Task<BenchReport> RunAsync()
    {
        var pays = new PayOutcome[options.Orders];
        var created = new bool[options.Orders];
        var payQueue = Channel.CreateUnbounded<int>();

        var process = Process.GetCurrentProcess();
        var storeOperationsBefore = counts.StoreOperations;
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var next = -1;
        var creators = Workers(options.Concurrency, async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < options.Orders)
            {
                created[index] = await _api.CreateAsync(orders.Number(index), options.TimeoutOf(index));
                if (created[index] && orders.IsPaid(index))
                {
                    payQueue.Writer.TryWrite(index);
                }
            }
        });
        var payers = Workers(Math.Max(1, options.Concurrency / 4), async () =>
        {
            await foreach (var index in payQueue.Reader.ReadAllAsync())
            {
                pays[index] = await _api.PayAsync(orders.Number(index));
            }
        });
        await creators;
        var createSeconds = clock.Elapsed.TotalSeconds;
        payQueue.Writer.Complete();
        await payers;
        var lastDeadline = DateTimeOffset.UtcNow + options.LongestTimeout;

        var drainSeconds = await DrainAsync(lastDeadline);
        process.Refresh();
        var resources = new Resources(
            (process.TotalProcessorTime - cpuBefore).TotalSeconds, process.PeakWorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes);
        var snapshot = (StoreOperations: counts.StoreOperations - storeOperationsBefore, counts.QueriesOfPaidOrders, counts.QueriesOfUnpaidOrders);

        var finals = new FinalOrder[options.Orders];
        next = -1;
        await Workers(options.Concurrency, async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < options.Orders)
            {
                finals[index] = await _api.ReadAsync(orders.Number(index));
            }
        });

        return BenchReport.From(options, orders, created, pays, finals, createSeconds, drainSeconds,
            snapshot.StoreOperations, snapshot.QueriesOfPaidOrders, snapshot.QueriesOfUnpaidOrders, resources, _api.Refusals);
    }

    /// <summary>Waits past the last deadline until no close but the pending orders' is left in the queue; returns how long the queue took to drain after the last deadline.</summary>
    private async Task<double> DrainAsync(DateTimeOffset lastDeadline)
    {
        var wait = lastDeadline - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        var giveUpAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60 + options.Orders / 500);
        while (await queue.ActiveCountAsync() > options.Pending && DateTimeOffset.UtcNow < giveUpAt)
        {
            await Task.Delay(DrainPoll);
        }
        return Math.Max(0, (DateTimeOffset.UtcNow - lastDeadline).TotalSeconds);
    }

    internal static Task Workers(int count, Func<Task> work) => Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(work)));
}
