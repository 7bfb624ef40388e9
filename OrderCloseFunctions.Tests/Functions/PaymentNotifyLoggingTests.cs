using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OrderClose.Functions;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Payments;
using OrderClose.Tests.Orders;
using OrderClose.Tests.Payments.Alipay;
using OrderClose.Tests.Support;
using OrderClose.Tests.TestDoubles;
using static OrderClose.Tests.Payments.Alipay.AlipayNotifications;

namespace OrderClose.Tests.Functions;

/// <summary>
/// The whole notification path (the real Alipay provider, ConfirmPayment over the in-memory store) with every log
/// record captured: whatever the outcome, no buyer data, signature or key reaches a log.
/// </summary>
public sealed class PaymentNotifyLoggingTests
{
    private const string Number = "T-2024 订单&1";

    [Theory]
    [InlineData("accepted")]
    [InlineData("unknown order")]
    [InlineData("wrong amount")]
    [InlineData("replayed")]
    [InlineData("forged")]
    [InlineData("paid after cancel")]
    public async Task No_buyer_data_signature_or_key_is_logged(string scenario)
    {
        var collector = new FakeLogCollector();
        using var services = AlipayServices.Build(configure: s => s.AddLogging(b => b.AddProvider(new FakeLoggerProvider(collector))));
        var provider = services.GetRequiredService<IPaymentProvider>();
        var store = new InMemoryOrderStore();
        var order = TestOrders.New(Number, AlipayServices.Now);
        store.Add(scenario == "paid after cancel" ? order.Cancel(AlipayServices.Now, "PAYMENT_TIMEOUT") : order);
        var c = new Collaborators();
        var confirm = new ConfirmPayment(store, c.Scheduler, c.Refunds, TestOutbox.Over(store, c.Events, c.Clock), Microsoft.Extensions.Options.Options.Create(new OrderOptions()), c.Clock, c.Metrics, new FakeLogger<ConfirmPayment>(collector));
        var fields = scenario switch
        {
            "unknown order" => Notification(("out_trade_no", "T404")),
            "wrong amount" => Notification(("total_amount", "0.01")),
            "replayed" => Notification(("notify_time", "2024-04-01 00:00:00")),
            _ => Notification(),
        };
        var body = SignedBody(fields, scenario == "forged" ? TestKeys.Stranger : null);
        var request = HttpTesting.Request("POST", body, "application/x-www-form-urlencoded");

        await new PaymentNotifyFunction(new PaymentProviderPicker([provider]), confirm).RunAsync(request, "alipay", CancellationToken.None);

        var logged = collector.GetSnapshot();
        Assert.NotEmpty(logged);
        var text = string.Join("\n", logged.Select(r => $"{r.Message} {r.Exception} {string.Join(",", r.StructuredState ?? [])}"));
        var sign = System.Web.HttpUtility.ParseQueryString(body)["sign"]!;
        Assert.DoesNotContain(fields["buyer_logon_id"], text);
        Assert.DoesNotContain(fields["buyer_id"], text);
        Assert.DoesNotContain(sign, text);
        Assert.DoesNotContain(sign[..24], text);
        Assert.DoesNotContain(TestKeys.App.PrivateKeyPem.Split('\n')[1], text);
        Assert.DoesNotContain(TestKeys.Alipay.PublicKeyPem.Split('\n')[1], text);
    }
}
