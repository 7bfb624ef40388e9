using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Orders;

public sealed class StartPaymentTests
{
    private static readonly Uri CashierUrl = new("https://cashier.test/pay");

    private readonly Collaborators _c = new();

    public StartPaymentTests()
    {
        _c.Alipay.Channels.Returns(["page", "wap", "h5"]);
        _c.Alipay.ChannelsNeedingPayerIp.Returns(["h5"]);
        _c.Alipay.StartPaymentAsync(default!, default).ReturnsForAnyArgs(new PaymentStart(CashierUrl, PaymentUrlKind.Redirect));
    }

    private StartPayment UseCase() => new(_c.Store, _c.Providers, _c.Options, _c.Clock, NullLogger<StartPayment>.Instance);

    private Order Stored(Order order)
    {
        _c.Store.FindAsync(order.OutTradeNo, Arg.Any<CancellationToken>()).Returns(TestOrders.Stored(order));
        return order;
    }

    [Fact]
    public async Task A_new_order_is_started_at_its_provider_expiring_at_its_deadline_on_the_chosen_channel()
    {
        var order = Stored(TestOrders.New("T1", Collaborators.Now + TimeSpan.FromMinutes(10)));
        var returnUrl = new Uri("https://shop.test/done");

        var result = await UseCase().HandleAsync("T1", "wap", returnUrl, null, CancellationToken.None);

        Assert.Equal(StartPaymentStatus.Started, result.Status);
        Assert.Equal(CashierUrl, result.Payment!.Url);
        await _c.Alipay.Received(1).StartPaymentAsync(new PaymentStartRequest(order, "wap", returnUrl, order.PayDeadline), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Starting_twice_asks_the_provider_for_the_same_trade_and_changes_nothing_stored()
    {
        var order = Stored(TestOrders.New("T1", Collaborators.Now + TimeSpan.FromMinutes(10)));

        await UseCase().HandleAsync("T1", "page", null, null, CancellationToken.None);
        await UseCase().HandleAsync("T1", "page", null, null, CancellationToken.None);

        await _c.Alipay.Received(2).StartPaymentAsync(new PaymentStartRequest(order, "page", null, order.PayDeadline), Arg.Any<CancellationToken>());
        await _c.Store.DidNotReceiveWithAnyArgs().TryReplaceAsync(default!, default!, default);
    }

    [Fact]
    public async Task An_unknown_order_is_not_started()
    {
        var result = await UseCase().HandleAsync("T404", "page", null, null, CancellationToken.None);

        Assert.Equal(StartPaymentStatus.UnknownOrder, result.Status);
        await _c.Alipay.DidNotReceiveWithAnyArgs().StartPaymentAsync(default!, default);
    }

    [Theory]
    [InlineData(OrderState.Paid)]
    [InlineData(OrderState.Cancelled)]
    public async Task A_settled_order_is_not_started(OrderState state)
    {
        Stored(TestOrders.In(state));

        var result = await UseCase().HandleAsync(TestOrders.Number, "page", null, null, CancellationToken.None);

        Assert.Equal(StartPaymentStatus.NotNew, result.Status);
        await _c.Alipay.DidNotReceiveWithAnyArgs().StartPaymentAsync(default!, default);
    }

    [Theory]
    [InlineData(29)]
    [InlineData(30)]
    [InlineData(-5)]
    public async Task An_order_due_within_the_minimum_time_to_pay_is_too_late(int secondsLeft)
    {
        Stored(TestOrders.New("T1", Collaborators.Now + TimeSpan.FromSeconds(secondsLeft)));

        var result = await UseCase().HandleAsync("T1", "page", null, null, CancellationToken.None);

        Assert.Equal(StartPaymentStatus.TooLate, result.Status);
        await _c.Alipay.DidNotReceiveWithAnyArgs().StartPaymentAsync(default!, default);
    }

    [Fact]
    public async Task One_second_more_than_the_minimum_time_to_pay_is_in_time()
    {
        Stored(TestOrders.New("T1", Collaborators.Now + new OrderOptions().MinTimeToPay + TimeSpan.FromSeconds(1)));

        Assert.Equal(StartPaymentStatus.Started, (await UseCase().HandleAsync("T1", "page", null, null, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_channel_the_provider_lacks_is_refused_naming_the_ones_it_has()
    {
        Stored(TestOrders.New("T1", Collaborators.Now + TimeSpan.FromMinutes(10)));

        var result = await UseCase().HandleAsync("T1", "native", null, null, CancellationToken.None);

        Assert.Equal(StartPaymentStatus.UnknownChannel, result.Status);
        Assert.Equal(["page", "wap", "h5"], result.Channels);
        await _c.Alipay.DidNotReceiveWithAnyArgs().StartPaymentAsync(default!, default);
    }

    [Fact]
    public async Task An_order_of_a_pay_type_nobody_serves_is_not_started()
    {
        Stored(TestOrders.New("T1", Collaborators.Now + TimeSpan.FromMinutes(10), payType: "WECHAT"));

        Assert.Equal(StartPaymentStatus.UnknownPayType, (await UseCase().HandleAsync("T1", "page", null, null, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_channel_that_needs_the_buyer_s_IP_address_is_not_started_without_it()
    {
        Stored(TestOrders.New("T1", Collaborators.Now + TimeSpan.FromMinutes(10)));

        var result = await UseCase().HandleAsync("T1", "h5", null, null, CancellationToken.None);

        Assert.Equal(StartPaymentStatus.PayerIpRequired, result.Status);
        await _c.Alipay.DidNotReceiveWithAnyArgs().StartPaymentAsync(default!, default);
    }

    [Fact]
    public async Task The_buyer_s_IP_address_reaches_the_provider_with_the_start()
    {
        Stored(TestOrders.New("T1", Collaborators.Now + TimeSpan.FromMinutes(10)));
        var payerIp = System.Net.IPAddress.Parse("203.0.113.7");

        var result = await UseCase().HandleAsync("T1", "h5", null, payerIp, CancellationToken.None);

        Assert.Equal(StartPaymentStatus.Started, result.Status);
        await _c.Alipay.Received(1).StartPaymentAsync(Arg.Is<PaymentStartRequest>(r => r.Channel == "h5" && Equals(r.PayerIp, payerIp)), Arg.Any<CancellationToken>());
    }
}
