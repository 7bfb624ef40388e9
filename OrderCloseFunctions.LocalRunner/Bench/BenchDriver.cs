using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using OrderClose.LocalRunner.Messaging;

namespace OrderClose.LocalRunner.Bench;

/// <summary>
/// Drives a started runner over HTTP: places the orders (C requests in flight), pays the chosen ones at the sandbox
/// cashier as they are placed, waits for every deadline and for the close queue to drain, then reads every order back.
/// </summary>
public sealed class BenchDriver(BenchOptions options, BenchOrders orders, HttpClient http, SqliteCloseQueue queue, CallCounts counts)
{
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(100);

    public async Task<BenchReport> RunAsync()
    {
        var pays = new PayOutcome[options.Orders];
        var created = new bool[options.Orders];
        var payQueue = Channel.CreateUnbounded<int>();

        var clock = Stopwatch.StartNew();
        var next = -1;
        var creators = Workers(options.Concurrency, async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < options.Orders)
            {
                created[index] = await CreateAsync(index);
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
                pays[index] = await PayAsync(index);
            }
        });
        await creators;
        var createSeconds = clock.Elapsed.TotalSeconds;
        payQueue.Writer.Complete();
        await payers;
        var lastDeadline = DateTimeOffset.UtcNow + options.Timeout;

        var drainSeconds = await DrainAsync(lastDeadline);
        var snapshot = (counts.StoreOperations, counts.QueriesOfPaidOrders, counts.QueriesOfUnpaidOrders);
        var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;

        var finals = new FinalOrder[options.Orders];
        next = -1;
        await Workers(options.Concurrency, async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < options.Orders)
            {
                finals[index] = await ReadAsync(index);
            }
        });

        return BenchReport.From(options, orders, created, pays, finals, createSeconds, drainSeconds,
            snapshot.StoreOperations, snapshot.QueriesOfPaidOrders, snapshot.QueriesOfUnpaidOrders, peakWorkingSet);
    }

    private async Task<bool> CreateAsync(int index)
    {
        var body = string.Create(CultureInfo.InvariantCulture,
            $$"""{"outTradeNo":"{{orders.Number(index)}}","amount":1999,"currency":"CNY","payType":"SANDBOX","paymentTimeoutSeconds":{{(int)options.Timeout.TotalSeconds}}}""");
        using var response = await http.PostAsync("api/orders", new StringContent(body, Encoding.UTF8, "application/json"));
        return response.StatusCode == HttpStatusCode.Created;
    }

    private async Task<PayOutcome> PayAsync(int index)
    {
        using var response = await http.PostAsync($"sandbox/pay/{orders.Number(index)}", content: null);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => PayOutcome.Paid,
            HttpStatusCode.Conflict => PayOutcome.Refused,
            _ => PayOutcome.Failed,
        };
    }

    /// <summary>Waits past the last deadline until no close is left in the queue; returns how long the queue took to drain after the last deadline.</summary>
    private async Task<double> DrainAsync(DateTimeOffset lastDeadline)
    {
        var wait = lastDeadline - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        var giveUpAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60 + options.Orders / 500);
        while (await queue.ActiveCountAsync() > 0 && DateTimeOffset.UtcNow < giveUpAt)
        {
            await Task.Delay(DrainPoll);
        }
        return Math.Max(0, (DateTimeOffset.UtcNow - lastDeadline).TotalSeconds);
    }

    private async Task<FinalOrder> ReadAsync(int index)
    {
        using var response = await http.GetAsync($"api/orders/{orders.Number(index)}");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return default;
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var order = json.RootElement;
        return new FinalOrder(
            order.GetProperty("state").GetString(),
            order.GetProperty("payDeadline").GetDateTimeOffset(),
            order.GetProperty("closedAt").ValueKind == JsonValueKind.Null ? null : order.GetProperty("closedAt").GetDateTimeOffset(),
            order.GetProperty("refundRequired").GetBoolean());
    }

    private static Task Workers(int count, Func<Task> work) => Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(work)));
}
