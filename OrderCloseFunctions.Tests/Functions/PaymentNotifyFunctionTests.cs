using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Functions;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Orders;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Functions;

public sealed class PaymentNotifyFunctionTests
{
    private const string Body = "out_trade_no=T1001&trade_status=TRADE_SUCCESS&sign=abc";

    private readonly Collaborators _c = new();
    private readonly PaymentNotifyFunction _function;

    public PaymentNotifyFunctionTests()
    {
        _function = new PaymentNotifyFunction(_c.Providers, _c.ConfirmPayment());
        _c.Store.TryReplaceAsync(Arg.Any<StoredOrder>(), Arg.Any<Order>(), Arg.Any<CancellationToken>())
            .Returns(call => new StoredOrder(call.ArgAt<Order>(1), "\"2\""));
    }

    [Fact]
    public async Task An_authentic_payment_moves_the_order_to_paid_cancels_its_close_and_answers_success()
    {
        Authentic(new PaymentNotification("T1001", true, 1999, Collaborators.Now, "2026112822001"));
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).Returns(TestOrders.Stored(TestOrders.New("T1001", Collaborators.Now)));

        var answer = await NotifyAsync("alipay");

        Assert.Equal(200, answer.Status);
        Assert.Equal("success", answer.Body);
        Assert.Equal("text/plain", answer.ContentType);
        await _c.Store.Received(1).TryReplaceAsync(Arg.Is<StoredOrder>(s => s.Order.State == OrderState.New), Arg.Is<Order>(o => o.State == OrderState.Paid), Arg.Any<CancellationToken>());
        await _c.Scheduler.Received(1).CancelAsync(TestOrders.ScheduledCloseHandle, Arg.Any<CancellationToken>());
        _c.Alipay.Received(1).Verify(Arg.Is<NotificationRequest>(r => r.Body == Body));
    }

    [Fact]
    public async Task A_replay_on_a_paid_order_answers_success_and_writes_nothing()
    {
        Authentic(new PaymentNotification("T1001", true, 1999, Collaborators.Now, "2026112822001"));
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).Returns(TestOrders.Stored(TestOrders.New("T1001", Collaborators.Now).MarkPaid(Collaborators.Now)));

        var answer = await NotifyAsync("alipay");

        Assert.Equal("success", answer.Body);
        await _c.Store.DidNotReceiveWithAnyArgs().TryReplaceAsync(default!, default!, default);
    }

    [Fact]
    public async Task A_payment_after_cancel_is_recorded_as_refund_required_and_acknowledged()
    {
        Authentic(new PaymentNotification("T1001", true, 1999, Collaborators.Now, "2026112822001"));
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>())
            .Returns(TestOrders.Stored(TestOrders.New("T1001", Collaborators.Now).Cancel(Collaborators.Now, "PAYMENT_TIMEOUT")));

        var answer = await NotifyAsync("alipay");

        Assert.Equal("success", answer.Body);
        await _c.Store.Received(1).TryReplaceAsync(Arg.Any<StoredOrder>(),
            Arg.Is<Order>(o => o.State == OrderState.Cancelled && o.RefundRequired), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_notification_with_a_bad_signature_is_answered_as_not_authentic_and_changes_nothing()
    {
        var answer = await NotifyAsync("alipay");

        Assert.Equal(401, answer.Status);
        Assert.Equal("failure", answer.Body);
        _c.Alipay.Received(1).Reply(NotificationOutcome.NotAuthentic);
        await _c.Store.DidNotReceiveWithAnyArgs().FindAsync(default!, default);
    }

    [Fact]
    public async Task An_unknown_provider_is_404()
    {
        var answer = await NotifyAsync("paypal");

        Assert.Equal(404, answer.Status);
        _c.Alipay.DidNotReceiveWithAnyArgs().Verify(default!);
    }

    [Fact]
    public async Task An_unknown_provider_name_is_not_echoed_however_long()
    {
        var name = new string('x', 5000);

        var answer = await NotifyAsync(name);

        Assert.Equal(404, answer.Status);
        Assert.DoesNotContain("xxxxxxxx", answer.Body);
        Assert.True(answer.Body.Length < 1000, $"{answer.Body.Length} characters");
    }

    [Fact]
    public async Task A_payment_for_an_unknown_order_is_not_acknowledged_so_the_provider_sends_it_again()
    {
        Authentic(new PaymentNotification("T404", true, 1999, Collaborators.Now, "x"));

        var answer = await NotifyAsync("alipay");

        Assert.Equal(404, answer.Status);
        Assert.Equal("failure", answer.Body);
    }

    [Fact]
    public async Task A_payment_of_another_amount_is_not_acknowledged_and_changes_nothing()
    {
        Authentic(new PaymentNotification("T1001", true, 1, Collaborators.Now, "x"));
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).Returns(TestOrders.Stored(TestOrders.New("T1001", Collaborators.Now)));

        var answer = await NotifyAsync("alipay");

        Assert.Equal("failure", answer.Body);
        await _c.Store.DidNotReceiveWithAnyArgs().TryReplaceAsync(default!, default!, default);
    }

    [Fact]
    public async Task A_store_failure_is_503_and_not_acknowledged()
    {
        Authentic(new PaymentNotification("T1001", true, 1999, Collaborators.Now, "x"));
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("503"));

        var answer = await NotifyAsync("alipay");

        Assert.Equal(503, answer.Status);
        Assert.Equal("failure", answer.Body);
    }

    private void Authentic(PaymentNotification notification) =>
        _c.Alipay.Verify(Arg.Is<NotificationRequest>(r => r.Body == Body)).Returns(notification);

    private async Task<HttpAnswer> NotifyAsync(string provider)
    {
        var request = HttpTesting.Request("POST", Body, "application/x-www-form-urlencoded");
        return await (await _function.RunAsync(request, provider, CancellationToken.None)).ExecuteAsync(request);
    }
}
