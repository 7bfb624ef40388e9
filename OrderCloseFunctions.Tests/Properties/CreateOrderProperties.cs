using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using OrderClose.Functions;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Support;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Properties;

/// <summary>Whatever the body, CreateOrder answers 2xx or 4xx, and only a 2xx leaves an order and its scheduled close behind.</summary>
public sealed class CreateOrderProperties
{
    private static readonly Collaborators Shared = new();

    private static readonly Dictionary<string, Gen<string>> Fields = new()
    {
        ["outTradeNo"] = Jsonish.Strings("T1001", "t_1-2", "", " T1", "T/1", "T 1", "订单1", new string('T', 64), new string('T', 65), "T1001\n", new string('T', 64) + "\n", "T1001\r\n", null),
        ["amount"] = Jsonish.Numbers("1999", "1", "0", "-1", "1000000000000", "1000000000001", "9223372036854775807", "9223372036854775808", "19.99", "\"1999\"", "1e3"),
        ["currency"] = Jsonish.Strings("CNY", "cny", "USD", "XXX", "", null),
        ["payType"] = Jsonish.Strings("ALIPAY", "alipay", "PAYPAL", "", null),
        ["subject"] = Jsonish.Strings(
            "Tea", "", "\u0001", "a\nb", "a\u0085b", new string('s', 256), new string('s', 257),
            "Tea \u202Egpj.exe", "\u202ATea\u202C", "Tea\u2066x\u2069", "Tea\u2028Coffee", "Tea\u2029", "\uFEFFTea", "Tea\uD800", "\uDC00",
            "\u200Fשלום\u200E", Repeat("e\u0301", 256), Repeat("e\u0301", 257), Repeat("👍🏽", 256), Repeat("👍🏽", 257),
            Repeat("👨‍👩‍👧‍👦", 256), Repeat("绿", 256), Repeat("绿", 257), null),
        ["paymentTimeoutSeconds"] = Jsonish.Numbers("1800", "60", "59", "604800", "604801", "-1", "2147483647", "2147483648", "60.5", "null"),
    };

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    [Property(MaxTest = 400)]
    public Property Any_json_ish_body_gets_a_2xx_with_the_order_stored_and_scheduled_or_a_4xx_with_nothing_left() =>
        Prop.ForAll(Jsonish.Body(Fields).ToArbitrary(), body => Check(HttpTesting.Request("POST", body)));

    [Property(MaxTest = 100)]
    public Property Any_bytes_get_a_4xx_with_nothing_left(byte[] bytes) =>
        Check(HttpTesting.Request("POST", bytes ?? [])).Label("any bytes");

    private static Property Check(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var store = new InMemoryOrderStore();
        var scheduler = Substitute.For<ICloseScheduler>();
        scheduler.ScheduleAsync(default!, default).ReturnsForAnyArgs(1L);
        var placeOrder = new PlaceOrder(store, scheduler, Shared.Options, Shared.Clock, Shared.Metrics, NullLogger<PlaceOrder>.Instance);
        var function = new CreateOrderFunction(new CreateOrderValidator(Shared.Providers, Shared.Options), placeOrder);

        var answer = Task.Run(async () => await (await function.RunAsync(request, CancellationToken.None)).ExecuteAsync(request)).GetAwaiter().GetResult();

        var scheduled = scheduler.ReceivedCalls().Count();
        var accepted = answer.Status is >= 200 and < 300;
        var refused = answer.Status is >= 400 and < 500;
        var number = accepted ? answer.Json.GetProperty("outTradeNo").GetString() : null;
        var subject = accepted ? answer.Json.GetProperty("subject").GetString() : null;
        return (accepted
                ? store.CreateCount == 1 && scheduled == 1 && WellFormed.OrderNumber(number) && WellFormed.Subject(subject)
                : refused && store.CreateCount == 0 && scheduled == 0)
            .Label($"status {answer.Status}, stored {store.CreateCount} ({number}, subject {subject?.Length} UTF-16 units), scheduled {scheduled}");
    }
}
