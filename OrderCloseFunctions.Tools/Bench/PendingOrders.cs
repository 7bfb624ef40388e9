using System.Globalization;
using OrderClose.Orders;

namespace OrderClose.Tools.Bench;

/// <summary>
/// Orders placed before the drive (<c>--pending</c>), straight through <see cref="PlaceOrder"/> rather than HTTP so
/// 200k take seconds, each with its close scheduled an hour out: the runner carries them all through the run.
/// </summary>
public static class PendingOrders
{
    public static readonly TimeSpan Timeout = TimeSpan.FromHours(1);

    public static async Task PlaceAsync(IServiceProvider services, string run, int count, int concurrency)
    {
        var next = -1;
        await BenchDriver.Workers(concurrency, async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var place = scope.ServiceProvider.GetRequiredService<PlaceOrder>();
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var number = string.Create(CultureInfo.InvariantCulture, $"B{run}-pending-{index}");
                await place.HandleAsync(new PlaceOrderCommand(number, new Money(1999, "CNY"), "SANDBOX", null, Timeout), CancellationToken.None);
            }
        });
    }
}
