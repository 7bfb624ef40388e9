using OrderClose.LocalRunner.Messaging;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.EndToEnd;

/// <summary>The runner spends a failing close's retry budget as Service Bus would: each retry carries its attempt.</summary>
public sealed class RunnerRetryBudgetTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("orderclose-budget-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task A_close_that_keeps_failing_is_dead_lettered_once_its_retry_budget_is_spent()
    {
        // Ceilings 100, 200, 200 ms fit 500 ms: three retries, then the close gives up.
        await using var runner = await RunningRunner.StartAsync(_data.FullName, sandbox => new DownProvider(sandbox),
            "--Orders:CloseRetry:ImmediateDeliveries=1",
            "--Orders:CloseRetry:BaseDelay=00:00:00.100",
            "--Orders:CloseRetry:MaxDelay=00:00:00.200",
            "--Orders:CloseRetry:MaxTotal=00:00:00.500",
            "--Orders:Sweep:Grace=01:00:00");
        var queue = runner.Service<SqliteCloseQueue>();

        using var created = await runner.CreateAsync("E2E-SPENT", timeoutSeconds: 1);

        var giveUpAt = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while ((await queue.DeadLettersAsync()).Count == 0)
        {
            Assert.True(DateTime.UtcNow < giveUpAt, "The failing close was never dead-lettered: its retry budget was never spent.");
            await Task.Delay(100);
        }
        var deadLetter = Assert.Single(await queue.DeadLettersAsync());
        Assert.Equal(("E2E-SPENT#retry3", "RetriesExhausted"), (deadLetter.MessageId, deadLetter.Reason));
        Assert.Equal(0, await queue.ActiveCountAsync());
        Assert.Equal("NEW", (await runner.GetAsync("E2E-SPENT")).GetProperty("state").GetString());
    }

    /// <summary>A provider that cannot be reached: every query fails in a way that may pass.</summary>
    private sealed class DownProvider(IPaymentProvider inner) : ForwardingPaymentProvider(inner)
    {
        public override Task<TradeQuery> QueryAsync(string outTradeNo, CancellationToken cancellationToken) =>
            throw new DependencyUnavailableException("The provider is down.");

        public override Task<TradeCloseResult> CloseAsync(string outTradeNo, CancellationToken cancellationToken) =>
            throw new DependencyUnavailableException("The provider is down.");

        public override Task<RefundOutcome> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
            throw new DependencyUnavailableException("The provider is down.");
    }
}
