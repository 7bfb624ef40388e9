using System.Net;
using System.Text.Json;
using OrderClose.LocalRunner.Messaging;
using OrderClose.Orders.Ports;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.EndToEnd;

/// <summary>
/// Closes first: while a due close waits for the dispatcher, a new order waits at admission and is refused with 503 and
/// Retry-After if the closes do not catch up in time. The dispatcher is held behind on purpose (one close at a time, its
/// provider query blocked), so nothing here depends on the machine's speed.
/// </summary>
public sealed class CloseFirstAdmissionTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("orderclose-admission-");
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _queried = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task While_a_due_close_waits_a_new_order_is_refused_with_503_and_retry_after_and_nothing_is_stored_then_accepted()
    {
        await using var runner = await StartBehindAsync(maxWait: "00:00:00.200");

        using var refused = await runner.CreateAsync("ADM-C", timeoutSeconds: 60);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("tag:orderclose,2026:problem:unavailable", problem.GetProperty("type").GetString());
        using (var missing = await runner.Http.GetAsync("api/orders/ADM-C"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        _release.SetResult();
        await runner.WaitUntilSettledAsync("ADM-B");
        using var accepted = await runner.CreateAsync("ADM-C", timeoutSeconds: 60);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task A_new_order_waits_at_admission_while_a_due_close_waits_and_goes_in_once_the_closes_catch_up()
    {
        await using var runner = await StartBehindAsync(maxWait: "00:05:00");

        var creating = runner.CreateAsync("ADM-D", timeoutSeconds: 60);
        await Task.Delay(300);
        Assert.False(creating.IsCompleted, "The order went in while a due close was waiting for the dispatcher.");
        using (var missing = await runner.Http.GetAsync("api/orders/ADM-D"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        _release.SetResult();
        using var created = await creating;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("CANCELLED", (await runner.WaitUntilSettledAsync("ADM-B")).GetProperty("state").GetString());
    }

    /// <summary>A runner whose one close at a time is stuck in A's provider query while B's close is due and waits.</summary>
    private async Task<RunningRunner> StartBehindAsync(string maxWait)
    {
        var runner = await RunningRunner.StartAsync(_data.FullName, sandbox => new HeldProvider(sandbox, _queried, _release.Task),
            "--CloseQueue:MaxConcurrentCalls=1",
            "--CloseQueue:AdmissionMaxLag=00:00:00.050",
            $"--CloseQueue:AdmissionMaxWait={maxWait}");
        foreach (var number in new[] { "ADM-A", "ADM-B" })
        {
            using var created = await runner.CreateAsync(number, timeoutSeconds: 1);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        await _queried.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // B is due after A (created after it): wait until it has waited past the lag behind A's stuck close.
        var queue = runner.Service<SqliteCloseQueue>();
        var giveUpAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (await queue.NextVisibleAtAsync() is not { } due || DateTimeOffset.UtcNow - due < TimeSpan.FromMilliseconds(100))
        {
            Assert.True(DateTimeOffset.UtcNow < giveUpAt, "B's close never came due behind A's.");
            await Task.Delay(20);
        }
        return runner;
    }

    /// <summary>The first query blocks until released, holding the dispatcher's only slot.</summary>
    private sealed class HeldProvider(IPaymentProvider inner, TaskCompletionSource queried, Task release) : ForwardingPaymentProvider(inner)
    {
        public override async Task<TradeQuery> QueryAsync(string outTradeNo, CancellationToken cancellationToken)
        {
            queried.TrySetResult();
            await release;
            return await base.QueryAsync(outTradeNo, cancellationToken);
        }
    }
}
