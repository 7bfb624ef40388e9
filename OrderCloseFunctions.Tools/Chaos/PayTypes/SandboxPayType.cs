using OrderClose.LocalRunner.Payments;
using OrderClose.Orders.Ports;
using OrderClose.Tools.Bench;

namespace OrderClose.Tools.Chaos.PayTypes;

/// <summary>The runner's sandbox provider: buyers pay at its cashier links, and its ledger lives in the runner's data folder.</summary>
public sealed class SandboxPayType : IChaosPayType
{
    public string PayType => PayTypeMix.Sandbox;

    public IEnumerable<string> RunnerSettings(Uri runner) => [];

    /// <summary>Through the cashier link without an expiry (<c>POST /sandbox/pay/{no}</c>); a buyer who does not pay does nothing.</summary>
    public Task<PayOutcome> BuyAsync(OrderApiClient api, string outTradeNo, bool pays) =>
        pays ? api.PayAsync(outTradeNo) : Task.FromResult(PayOutcome.NotPaid);

    /// <summary>Through the sandbox's old cashier link without an expiry (<c>POST /sandbox/late-pay/{no}</c>).</summary>
    public Task<PayOutcome> PayLateAsync(OrderApiClient api, string outTradeNo) => api.PayLateAsync(outTradeNo);

    public async Task<(TradeState? Trade, int Refunds)> LedgerAsync(IServiceProvider runner, string outTradeNo)
    {
        var sandbox = runner.GetRequiredService<SandboxTrades>();
        return ((await sandbox.FindAsync(outTradeNo))?.State, await sandbox.RefundCountAsync(outTradeNo));
    }

    public object? Seen => null;
}
