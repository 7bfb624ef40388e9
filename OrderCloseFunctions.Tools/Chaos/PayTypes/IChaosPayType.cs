using OrderClose.Orders.Ports;
using OrderClose.Tools.Bench;

namespace OrderClose.Tools.Chaos.PayTypes;

/// <summary>One pay type under chaos: how its buyers pay, in time and late, and what its provider's ledger says afterwards.</summary>
public interface IChaosPayType
{
    string PayType { get; }

    /// <summary>Settings the runner needs for this pay type (<c>--Section:Key=VALUE</c>), the runner listening at <paramref name="runner"/>.</summary>
    IEnumerable<string> RunnerSettings(Uri runner);

    /// <summary>The buyer of a placed order comes to the cashier, and pays now, before the deadline, if <paramref name="pays"/>.</summary>
    Task<PayOutcome> BuyAsync(OrderApiClient api, string outTradeNo, bool pays);

    /// <summary>The buyer pays the cancelled order anyway, by a way the close did not stop: the app must refund it.</summary>
    Task<PayOutcome> PayLateAsync(OrderApiClient api, string outTradeNo);

    /// <summary>The trade's state at the provider (null: it knows none) and how many refunds it made; <paramref name="runner"/> reads the runner's data.</summary>
    Task<(TradeState? Trade, int Refunds)> LedgerAsync(IServiceProvider runner, string outTradeNo);

    /// <summary>What the provider saw of the app, for the report; null when there is nothing beyond its ledger.</summary>
    object? Seen { get; }
}
