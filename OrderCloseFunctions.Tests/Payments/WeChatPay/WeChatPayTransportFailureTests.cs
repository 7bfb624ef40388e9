using OrderClose.Orders;
using OrderClose.Orders.Ports;
using Polly.CircuitBreaker;
using Polly.Timeout;
using OrderClose.Stubs.WeChatPay;

namespace OrderClose.Tests.Payments.WeChatPay;

/// <summary>WeChat Pay cannot answer: the real resilience pipeline retries, then the provider reports a transient failure.</summary>
public sealed class WeChatPayTransportFailureTests
{
    private static readonly StubReply Unpaid = new(200, $$"""{"mchid":"{{WeChatPayTestAccount.MchId}}","out_trade_no":"T1","trade_state":"NOTPAY"}""");

    [Theory]
    [InlineData(500, "SYSTEM_ERROR")]
    [InlineData(503, "SYSTEM_ERROR")]
    [InlineData(429, "FREQUENCY_LIMITED")]
    public async Task A_failing_gateway_is_retried_then_transient(int status, string code)
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => StubReply.Error(status, code);

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => wechat.Provider.QueryAsync("T1", CancellationToken.None));

        Assert.Equal(3, wechat.Gateway.Requests.Count); // the first attempt and Retry:MaxRetryAttempts = 2
    }

    [Fact]
    public async Task Each_attempt_is_signed_anew()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => wechat.Gateway.Requests.Count < 3 ? StubReply.Error(503, "SYSTEM_ERROR") : Unpaid;

        var trade = await wechat.Provider.QueryAsync("T1", CancellationToken.None);

        Assert.Equal(TradeState.AwaitingPayment, trade.State);
        Assert.Equal(3, wechat.Gateway.Requests.Count);
        Assert.All(wechat.Gateway.Requests, request => Assert.True(request.AuthorizationValid));
    }

    [Fact]
    public async Task A_gateway_slower_than_the_attempt_timeout_is_transient()
    {
        await using var wechat = await WeChatPayHarness.StartAsync(new Dictionary<string, string?>
        {
            ["WeChatPay:Resilience:AttemptTimeout:Timeout"] = "00:00:00.300",
        });
        wechat.Gateway.Respond = _ => Unpaid with { Delay = TimeSpan.FromSeconds(10) };

        var failure = await Assert.ThrowsAsync<DependencyUnavailableException>(() => wechat.Provider.QueryAsync("T1", CancellationToken.None));

        Assert.IsType<TimeoutRejectedException>(failure.InnerException);
    }

    [Fact]
    public async Task An_open_circuit_fails_fast_without_calling_the_gateway()
    {
        await using var wechat = await WeChatPayHarness.StartAsync(new Dictionary<string, string?>
        {
            ["WeChatPay:Resilience:Retry:MaxRetryAttempts"] = "1",
            ["WeChatPay:Resilience:CircuitBreaker:MinimumThroughput"] = "2",
            ["WeChatPay:Resilience:CircuitBreaker:FailureRatio"] = "0.5",
            ["WeChatPay:Resilience:CircuitBreaker:BreakDuration"] = "00:01:00",
        });
        wechat.Gateway.Respond = _ => StubReply.Error(500, "SYSTEM_ERROR");
        await Assert.ThrowsAsync<DependencyUnavailableException>(() => wechat.Provider.QueryAsync("T1", CancellationToken.None));
        var callsBeforeBreak = wechat.Gateway.Requests.Count;

        var failure = await Assert.ThrowsAsync<DependencyUnavailableException>(() => wechat.Provider.CloseAsync("T2", CancellationToken.None));

        Assert.IsAssignableFrom<BrokenCircuitException>(failure.InnerException);
        Assert.Equal(callsBeforeBreak, wechat.Gateway.Requests.Count);
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_failure()
    {
        await using var wechat = await WeChatPayHarness.StartAsync();
        wechat.Gateway.Respond = _ => Unpaid with { Delay = TimeSpan.FromSeconds(10) };
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wechat.Provider.QueryAsync("T1", caller.Token));
    }
}
