using Microsoft.Extensions.Time.Testing;
using OrderClose.LocalRunner.Payments;
using OrderClose.LocalRunner.Storage;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.LocalRunner;

/// <summary>The sandbox's ledger: refunds made once per request number, and late payments through an old cashier.</summary>
public sealed class SandboxTradesTests : IDisposable
{
    private readonly SqliteDatabase _database = SqliteDatabase.Open(null, "sandbox", SandboxTrades.Schema);
    private readonly SandboxTrades _trades;

    public SandboxTradesTests() => _trades = new SandboxTrades(_database, new FakeTimeProvider(TestOrders.PaidAt));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_paid_trade_is_refunded_once_per_request_number_and_asking_again_answers_the_same_refund()
    {
        await _trades.PayAsync("T1");

        var first = await _trades.RefundAsync("T1", "T1", 1999);
        var again = await _trades.RefundAsync("T1", "T1", 1999);

        Assert.NotNull(first);
        Assert.Equal(first, again);
        Assert.Equal((1999L, TestOrders.PaidAt), (first.Amount, first.RefundedAt));
        Assert.Equal(1, await _trades.RefundCountAsync("T1"));
    }

    [Fact]
    public async Task Another_request_number_is_another_refund_and_the_count_shows_it()
    {
        await _trades.PayAsync("T1");

        await _trades.RefundAsync("T1", "T1", 1999);
        await _trades.RefundAsync("T1", "T1-again", 1999);

        Assert.Equal(2, await _trades.RefundCountAsync("T1"));
    }

    [Fact]
    public async Task A_trade_that_is_not_paid_is_not_refunded()
    {
        await _trades.CloseAsync("CLOSED");

        Assert.Null(await _trades.RefundAsync("CLOSED", "CLOSED", 1999));
        Assert.Null(await _trades.RefundAsync("NEVER", "NEVER", 1999));
        Assert.Equal(0, await _trades.RefundCountAsync("CLOSED"));
    }

    [Fact]
    public async Task A_request_number_of_another_trade_refunds_nothing_here()
    {
        await _trades.PayAsync("T1");
        await _trades.PayAsync("T2");
        await _trades.RefundAsync("T1", "R1", 1999);

        Assert.Null(await _trades.RefundAsync("T2", "R1", 1999));
        Assert.Equal(0, await _trades.RefundCountAsync("T2"));
    }

    [Fact]
    public async Task The_cashier_refuses_a_closed_trade_but_an_old_cashier_without_expiry_pays_it()
    {
        await _trades.CloseAsync("T1");

        var (refused, _) = await _trades.PayAsync("T1");
        var (late, trade) = await _trades.PayLateAsync("T1");

        Assert.Equal((SandboxPayResult.Closed, SandboxPayResult.Paid), (refused, late));
        Assert.Equal(TradeState.Paid, (await _trades.FindAsync("T1"))!.State);
        Assert.Equal(trade, await _trades.FindAsync("T1"));
        Assert.Equal(SandboxPayResult.AlreadyPaid, (await _trades.PayLateAsync("T1")).Result);
    }
}
