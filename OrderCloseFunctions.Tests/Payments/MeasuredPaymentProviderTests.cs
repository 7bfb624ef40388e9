using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Payments;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.Payments;

public sealed class MeasuredPaymentProviderTests : IDisposable
{
    private readonly OrderMetricsProbe _metrics = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly IPaymentProvider _inner = Substitute.For<IPaymentProvider>();
    private readonly MeasuredPaymentProvider _provider;

    public MeasuredPaymentProviderTests()
    {
        _inner.PayType.Returns("ALIPAY");
        _provider = new MeasuredPaymentProvider(_inner, _metrics.Metrics, _clock);
    }

    [Fact]
    public async Task A_query_is_measured_by_pay_type_operation_and_outcome()
    {
        _inner.QueryAsync("T1", Arg.Any<CancellationToken>()).Returns(async _ =>
        {
            _clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Yield();
            return new TradeQuery(TradeState.AwaitingPayment);
        });

        Assert.Equal(new TradeQuery(TradeState.AwaitingPayment), await _provider.QueryAsync("T1", CancellationToken.None));

        var call = Assert.Single(_metrics.ProviderDuration.GetMeasurementSnapshot());
        Assert.Equal(0.25, call.Value, precision: 6);
        Assert.Equal("ALIPAY", call.Tags["pay_type"]);
        Assert.Equal("query", call.Tags["operation"]);
        Assert.Equal("ok", call.Tags["outcome"]);
    }

    [Fact]
    public async Task A_close_that_may_pass_is_measured_as_transient_and_still_thrown()
    {
        _inner.CloseAsync("T1", Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("gateway 503"));

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => _provider.CloseAsync("T1", CancellationToken.None));

        var call = Assert.Single(_metrics.ProviderDuration.GetMeasurementSnapshot());
        Assert.Equal("close", call.Tags["operation"]);
        Assert.Equal("transient", call.Tags["outcome"]);
    }

    [Fact]
    public async Task A_refusal_is_measured_as_rejected_and_still_thrown()
    {
        _inner.QueryAsync("T1", Arg.Any<CancellationToken>()).ThrowsAsync(new PaymentProviderRejectedException("ALIPAY", "INVALID_PARAMETER", "bad app id"));

        await Assert.ThrowsAsync<PaymentProviderRejectedException>(() => _provider.QueryAsync("T1", CancellationToken.None));

        Assert.Equal("rejected", Assert.Single(_metrics.ProviderDuration.GetMeasurementSnapshot()).Tags["outcome"]);
    }

    [Fact]
    public void What_is_not_a_call_passes_through_unmeasured()
    {
        _inner.Supports("CNY").Returns(true);
        _inner.MinPaymentTimeout.Returns(TimeSpan.FromMinutes(5));
        var reply = new NotificationReply(200, "success", "text/plain");
        _inner.Reply(NotificationOutcome.Accepted).Returns(reply);

        Assert.Equal("ALIPAY", _provider.PayType);
        Assert.True(_provider.Supports("CNY"));
        Assert.Equal(TimeSpan.FromMinutes(5), _provider.MinPaymentTimeout);
        Assert.Same(reply, _provider.Reply(NotificationOutcome.Accepted));
        Assert.Empty(_metrics.ProviderDuration.GetMeasurementSnapshot());
    }

    public void Dispose() => _metrics.Dispose();
}
