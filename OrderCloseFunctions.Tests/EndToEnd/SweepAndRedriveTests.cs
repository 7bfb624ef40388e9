using OrderClose.LocalRunner.Messaging;
using OrderClose.LocalRunner.Sweep;
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
        Assert.True(await runner.Service<SqliteCloseQueue>().CancelScheduledAsync(stored!.Order.CloseSequenceNumber!.Value));

        var order = await runner.WaitUntilSettledAsync("E2E-LOST");

        Assert.Equal("CANCELLED", order.GetProperty("state").GetString());
        Assert.Equal(1, runner.Service<SweepTotals>().Closed);
        Assert.Equal(1, runner.Transitions.MovesOf("E2E-LOST"));
    }
}
