using System.Net;
using OrderClose.Orders.Ports;
using OrderClose.Stubs.WeChatPay;
using OrderClose.Tools.Bench;
using OrderClose.Tools.Faults;

namespace OrderClose.Tools.Chaos.PayTypes;

/// <summary>
/// WECHATPAY under chaos, against the loopback WeChat Pay stub this process runs (it outlives the runner's restarts):
/// the runner gets the stub's merchant account (keys made for the run) and a minimum payment timeout short enough for
/// chaos. Every buyer starts the payment through the runner (a Native order at the stub, with the deadline as its
/// <c>time_expire</c>); those who pay do so at the stub, which posts the signed, encrypted callback to the runner, but
/// loses <see cref="LostCallbackShare"/> of them, so the close's query must find those payments.
/// </summary>
public sealed class WeChatPayPayType : IChaosPayType, IAsyncDisposable
{
    /// <summary>The share of payments in time whose callback the stub never sends.</summary>
    public const double LostCallbackShare = 0.2;

    private const string NativeChannel = "native";

    private readonly WeChatPayGatewayStub _gateway;
    private readonly WeChatPayStubTrades _trades;
    private readonly WeChatPayStubCashier _cashier;
    private readonly HttpClient _callbacks;
    private readonly int _seed;

    private WeChatPayPayType(WeChatPayGatewayStub gateway, WeChatPayStubTrades trades, HttpClient callbacks, int seed)
    {
        _gateway = gateway;
        _trades = trades;
        _callbacks = callbacks;
        _cashier = new WeChatPayStubCashier(trades, callbacks, TimeProvider.System);
        _seed = seed;
        _gateway.Respond = trades.Respond;
    }

    /// <param name="seed">Decides, with each order's number, whose callbacks are lost.</param>
    public static async Task<WeChatPayPayType> StartAsync(int seed)
    {
        var account = WeChatPayStubAccount.Generate();
        var gateway = await WeChatPayGatewayStub.StartAsync(account, TimeProvider.System);
        return new WeChatPayPayType(gateway, new WeChatPayStubTrades(account, TimeProvider.System),
            new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, seed);
    }

    public string PayType => PayTypeMix.WeChatPay;

    public IEnumerable<string> RunnerSettings(Uri runner) =>
    [
        .. _gateway.Account.Settings(_gateway.BaseUrl).Select(setting => $"--{setting.Key}={setting.Value}"),
        // The 5-minute minimum WeChat Pay asks for, lowered to the runner's own: chaos's orders close in seconds.
        "--WeChatPay:MinPaymentTimeout=00:00:01",
        // Where the Native orders tell WeChat Pay to call back.
        $"--Payments:PublicBaseUrl={runner}",
    ];

    public async Task<PayOutcome> BuyAsync(OrderApiClient api, string outTradeNo, bool pays)
    {
        switch (await api.StartPaymentAsync(outTradeNo, NativeChannel))
        {
            case HttpStatusCode.OK:
                break;
            case HttpStatusCode.Conflict:
                // Too late to start, or the order is no longer NEW: the buyer cannot pay.
                return pays ? PayOutcome.Refused : PayOutcome.NotPaid;
            default:
                return PayOutcome.Failed;
        }
        if (!pays)
        {
            return PayOutcome.NotPaid;
        }
        var lost = FaultPlan.Fraction($"{_seed}|wechatpay.lostCallback|{outTradeNo}") < LostCallbackShare;
        return await _cashier.PayAsync(outTradeNo, lost, CancellationToken.None) ? PayOutcome.Paid : PayOutcome.Refused;
    }

    /// <summary>At the stub, on the trade the close closed (<see cref="WeChatPayStubTrades.TryPayLate"/>); refused when no trade was ever placed.</summary>
    public async Task<PayOutcome> PayLateAsync(OrderApiClient api, string outTradeNo) =>
        await _cashier.PayLateAsync(outTradeNo, CancellationToken.None) ? PayOutcome.Paid : PayOutcome.Refused;

    public Task<(TradeState? Trade, int Refunds)> LedgerAsync(IServiceProvider runner, string outTradeNo)
    {
        TradeState? trade = _trades.StateOf(outTradeNo) switch
        {
            null => null,
            "SUCCESS" => TradeState.Paid,
            "CLOSED" => TradeState.Closed,
            _ => TradeState.AwaitingPayment,
        };
        return Task.FromResult((trade, _trades.RefundsOf(outTradeNo)));
    }

    public object? Seen => new WeChatPayStubCounts(
        _trades.NativeOrders, _trades.Queries, _trades.Closes, _trades.RefundRequests,
        _cashier.CallbacksSent, _cashier.CallbacksAccepted, _cashier.CallbacksWithheld,
        _gateway.Requests.Count(request => !request.AuthorizationValid));

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _callbacks.Dispose();
    }
}
