using OrderClose.Orders;
using OrderClose.Orders.Ports;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OrderClose.Tests.Payments.Alipay;

/// <summary>The gateway cannot answer: the real resilience pipeline retries, then the provider reports a transient failure.</summary>
public sealed class AlipayTransportFailureTests
{
    private const string Unpaid = """{"code":"10000","msg":"Success","trade_status":"WAIT_BUYER_PAY"}""";

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task A_failing_gateway_is_retried_then_transient(int status)
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.Respond = _ => new GatewayReply(status, "busy");

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => alipay.Provider.QueryAsync("T1", CancellationToken.None));

        Assert.Equal(3, alipay.Gateway.Requests.Count); // the first attempt and Retry:MaxRetryAttempts = 2
    }

    [Fact]
    public async Task A_gateway_that_recovers_within_the_retries_answers()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.Respond = request => alipay.Gateway.Requests.Count == 1
            ? new GatewayReply(503, "busy")
            : alipay.Gateway.Signed(request.Method, Unpaid);

        var trade = await alipay.Provider.QueryAsync("T1", CancellationToken.None);

        Assert.Equal(TradeState.AwaitingPayment, trade.State);
        Assert.Equal(2, alipay.Gateway.Requests.Count);
    }

    [Fact]
    public async Task A_gateway_slower_than_the_attempt_timeout_is_transient()
    {
        await using var alipay = await AlipayHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Alipay:Resilience:AttemptTimeout:Timeout"] = "00:00:00.300",
        });
        alipay.Gateway.Respond = request => alipay.Gateway.Signed(request.Method, Unpaid) with { Delay = TimeSpan.FromSeconds(10) };

        var failure = await Assert.ThrowsAsync<DependencyUnavailableException>(() => alipay.Provider.QueryAsync("T1", CancellationToken.None));

        Assert.IsType<TimeoutRejectedException>(failure.InnerException);
    }

    [Fact]
    public async Task An_open_circuit_fails_fast_without_calling_the_gateway()
    {
        await using var alipay = await AlipayHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Alipay:Resilience:Retry:MaxRetryAttempts"] = "1",
            ["Alipay:Resilience:CircuitBreaker:MinimumThroughput"] = "2",
            ["Alipay:Resilience:CircuitBreaker:FailureRatio"] = "0.5",
            ["Alipay:Resilience:CircuitBreaker:BreakDuration"] = "00:01:00",
        });
        alipay.Gateway.Respond = _ => new GatewayReply(500, "down");
        await Assert.ThrowsAsync<DependencyUnavailableException>(() => alipay.Provider.QueryAsync("T1", CancellationToken.None));
        var callsBeforeBreak = alipay.Gateway.Requests.Count;

        var failure = await Assert.ThrowsAsync<DependencyUnavailableException>(() => alipay.Provider.QueryAsync("T2", CancellationToken.None));

        Assert.IsAssignableFrom<BrokenCircuitException>(failure.InnerException);
        Assert.Equal(callsBeforeBreak, alipay.Gateway.Requests.Count);
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_failure()
    {
        await using var alipay = await AlipayHarness.StartAsync();
        alipay.Gateway.Respond = request => alipay.Gateway.Signed(request.Method, Unpaid) with { Delay = TimeSpan.FromSeconds(10) };
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => alipay.Provider.QueryAsync("T1", caller.Token));
    }
}
