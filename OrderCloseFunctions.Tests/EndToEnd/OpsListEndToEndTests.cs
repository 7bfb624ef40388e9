using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderClose.LocalRunner.Messaging;
using OrderClose.LocalRunner.Sweep;
using OrderClose.Orders.Ports;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.EndToEnd;

/// <summary>
/// The ops list over the runner, which serves it without a key as Core Tools does: a late payment whose refund the provider
/// refused (FAILED) or that is left to a person (MANUAL) is listed under <c>refund</c>, one refunded is not; orders whose close
/// was lost are listed under <c>overdue</c> once past their deadline and the sweep's grace, earliest first, a page at a time.
/// Every answer is checked against openapi.yaml (<see cref="RunningRunner"/>).
/// </summary>
public sealed class OpsListEndToEndTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("orderclose-ops-list-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task A_late_payment_whose_refund_the_provider_refused_is_listed_under_refund_and_one_refunded_is_not()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName, inner => new RefusingRefunds(inner, "E2E-OPS-FAILED"));
        await PaidLateAsync(runner, "E2E-OPS-FAILED");
        await PaidLateAsync(runner, "E2E-OPS-REFUNDED");
        await runner.WaitForRefundAsync("E2E-OPS-FAILED", "FAILED");
        await runner.WaitForRefundAsync("E2E-OPS-REFUNDED", "SUCCEEDED");

        var page = await ListAsync(runner, "attention=refund");

        Assert.Equal([(await runner.GetAsync("E2E-OPS-FAILED")).GetRawText()], Orders(page).Select(order => order.GetRawText()));
        Assert.Equal("FAILED", Orders(page)[0].GetProperty("refund").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("continuationToken").ValueKind);
        Assert.Empty(Orders(await ListAsync(runner, "attention=overdue")));
    }

    [Fact]
    public async Task Under_Manual_a_late_payment_is_listed_under_refund_as_MANUAL()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName, "--Orders:LatePayments=Manual");
        await PaidLateAsync(runner, "E2E-OPS-MANUAL");

        var page = await ListAsync(runner, "attention=refund");

        var listed = Assert.Single(Orders(page));
        Assert.Equal("E2E-OPS-MANUAL", listed.GetProperty("outTradeNo").GetString());
        Assert.Equal("MANUAL", listed.GetProperty("refund").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Orders_whose_close_was_lost_are_listed_under_overdue_earliest_deadline_first_across_pages()
    {
        // No sweep during the test but the one at start, over before the orders are placed (a later one would close
        // them), and a grace of a second past the deadline.
        await using var runner = await RunningRunner.StartAsync(_data.FullName, "--Sweep:Interval=01:00:00", "--Orders:Sweep:Grace=00:00:01");
        var giveUpAt = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (runner.Service<SweepTotals>().Runs == 0 && DateTime.UtcNow < giveUpAt)
        {
            await Task.Delay(50);
        }
        Assert.Equal(1, runner.Service<SweepTotals>().Runs);
        var lost = new List<string>();
        foreach (var number in new[] { "E2E-OPS-LOST-1", "E2E-OPS-LOST-2", "E2E-OPS-LOST-3" })
        {
            lost.Add(await CreateWithLostCloseAsync(runner, number));
        }
        using var notDue = await runner.CreateAsync("E2E-OPS-NOT-DUE", timeoutSeconds: 600);
        using var paid = await runner.CreateAsync("E2E-OPS-PAID", timeoutSeconds: 1);
        using var payment = await runner.PayAsync("E2E-OPS-PAID");
        Assert.Equal(HttpStatusCode.OK, payment.StatusCode);
        var lastDeadline = (await runner.GetAsync(lost[^1])).GetProperty("payDeadline").GetDateTimeOffset();
        var overdueIn = lastDeadline + TimeSpan.FromSeconds(1.2) - DateTimeOffset.UtcNow;
        if (overdueIn > TimeSpan.Zero)
        {
            await Task.Delay(overdueIn);
        }

        var first = await ListAsync(runner, "attention=overdue&limit=2");
        var token = first.GetProperty("continuationToken").GetString();
        var second = await ListAsync(runner, $"attention=overdue&limit=2&continuationToken={token}");

        Assert.Equal(lost[..2], Orders(first).Select(order => order.GetProperty("outTradeNo").GetString()));
        Assert.Equal(lost[2..], Orders(second).Select(order => order.GetProperty("outTradeNo").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("continuationToken").ValueKind);
        Assert.All(Orders(first).Concat(Orders(second)), order => Assert.Equal("NEW", order.GetProperty("state").GetString()));

        // That token is the overdue list's: the refund list refuses it, as it refuses an unknown attention.
        using var foreign = await runner.Http.GetAsync($"api/ops/orders?attention=refund&continuationToken={token}");
        using var unknown = await runner.Http.GetAsync("api/ops/orders?attention=everything");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    private static async Task PaidLateAsync(RunningRunner runner, string outTradeNo)
    {
        using var created = await runner.CreateAsync(outTradeNo, timeoutSeconds: 1);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("CANCELLED", (await runner.WaitUntilSettledAsync(outTradeNo)).GetProperty("state").GetString());
        using var paidLate = await runner.Http.PostAsync($"sandbox/late-pay/{outTradeNo}", content: null);
        Assert.Equal(HttpStatusCode.OK, paidLate.StatusCode);
    }

    /// <summary>Places the order and cancels its scheduled close, as a purged queue would lose it.</summary>
    private static async Task<string> CreateWithLostCloseAsync(RunningRunner runner, string outTradeNo)
    {
        using var created = await runner.CreateAsync(outTradeNo, timeoutSeconds: 1);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = await runner.Service<IOrderStore>().FindAsync(outTradeNo, CancellationToken.None);
        Assert.True(await runner.Service<SqliteCloseQueue>().CancelScheduledAsync(stored!.Order.ScheduledCloseHandle!.Value));
        return outTradeNo;
    }

    private static async Task<JsonElement> ListAsync(RunningRunner runner, string query)
    {
        using var response = await runner.Http.GetAsync($"api/ops/orders?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<JsonElement> Orders(JsonElement page) => [.. page.GetProperty("orders").EnumerateArray()];

    /// <summary>The sandbox, except that it refuses for good the refund of one order (as Alipay does when the merchant's balance is short).</summary>
    private sealed class RefusingRefunds(IPaymentProvider inner, string outTradeNo) : ForwardingPaymentProvider(inner)
    {
        public override Task<RefundOutcome> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
            request.OutTradeNo == outTradeNo
                ? Task.FromResult(RefundOutcome.Refused("ACQ.SELLER_BALANCE_NOT_ENOUGH"))
                : base.RefundAsync(request, cancellationToken);
    }
}
