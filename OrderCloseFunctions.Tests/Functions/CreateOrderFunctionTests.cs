using System.Text;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Functions;
using OrderClose.Functions.Http;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Orders;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Functions;

public sealed class CreateOrderFunctionTests
{
    private const string ValidBody = """{"outTradeNo":"T1001","amount":1999,"currency":"CNY","payType":"ALIPAY","subject":"Tea","paymentTimeoutSeconds":1800}""";

    private readonly Collaborators _c = new();
    private readonly CreateOrderFunction _function;

    public CreateOrderFunctionTests()
    {
        _function = new CreateOrderFunction(new CreateOrderValidator(_c.Providers, _c.Options), _c.PlaceOrder());
        _c.Scheduler.ScheduleAsync(Arg.Any<CloseSchedule>(), Arg.Any<CancellationToken>()).Returns(42L);
        _c.Store.TryCreateAsync(Arg.Any<Order>(), Arg.Any<CancellationToken>())
            .Returns(call => new StoredOrder(call.Arg<Order>(), "\"1\""));
    }

    [Fact]
    public async Task A_new_order_is_created_with_201_its_location_and_the_order_in_camel_case()
    {
        var answer = await PostAsync(ValidBody);

        Assert.Equal(201, answer.Status);
        Assert.Equal("/api/orders/T1001", answer.Headers.Location.ToString());
        var order = answer.Json;
        Assert.Equal("T1001", order.GetProperty("outTradeNo").GetString());
        Assert.Equal("NEW", order.GetProperty("state").GetString());
        Assert.Equal(1999, order.GetProperty("amount").GetInt64());
        Assert.Equal("CNY", order.GetProperty("currency").GetString());
        Assert.Equal("ALIPAY", order.GetProperty("payType").GetString());
        Assert.Equal("2026-11-28T12:00:00Z", order.GetProperty("createdAt").GetString());
        Assert.Equal("2026-11-28T12:30:00Z", order.GetProperty("payDeadline").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, order.GetProperty("paidAt").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, order.GetProperty("closedAt").ValueKind);
        Assert.False(order.GetProperty("refundRequired").GetBoolean());
    }

    [Fact]
    public async Task The_close_is_scheduled_at_the_deadline_before_the_order_is_stored()
    {
        await PostAsync(ValidBody);

        Received.InOrder(() =>
        {
            _c.Scheduler.ScheduleAsync(
                Arg.Is<CloseSchedule>(s => s.MessageId == "T1001@20261128T123000.0000000Z" && s.DueAt == Collaborators.Now.AddMinutes(30)),
                Arg.Any<CancellationToken>());
            _c.Store.TryCreateAsync(Arg.Is<Order>(o => o.ScheduledCloseHandle == 42 && o.State == OrderState.New), Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task Without_a_timeout_the_configured_default_sets_the_deadline()
    {
        var answer = await PostAsync("""{"outTradeNo":"T1001","amount":1999,"currency":"CNY","payType":"ALIPAY"}""");

        Assert.Equal(201, answer.Status);
        Assert.Equal(Collaborators.Now + _c.Options.Value.DefaultPaymentTimeout, answer.Json.GetProperty("payDeadline").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_same_request_again_answers_200_with_the_existing_order_and_schedules_nothing()
    {
        var existing = Order.Place(new PlaceOrderCommand("T1001", new Money(1999, "CNY"), "ALIPAY", "Tea", null), Collaborators.Now.AddMinutes(-1), TimeSpan.FromSeconds(1800));
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).Returns(TestOrders.Stored(existing));

        var answer = await PostAsync(ValidBody);

        Assert.Equal(200, answer.Status);
        Assert.Equal("2026-11-28T11:59:00Z", answer.Json.GetProperty("createdAt").GetString());
        await _c.Scheduler.DidNotReceiveWithAnyArgs().ScheduleAsync(default!, default);
    }

    [Fact]
    public async Task The_same_number_with_other_details_is_409()
    {
        var other = Order.Place(new PlaceOrderCommand("T1001", new Money(500, "CNY"), "ALIPAY", "Tea", null), Collaborators.Now, TimeSpan.FromSeconds(1800));
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).Returns(TestOrders.Stored(other));

        var answer = await PostAsync(ValidBody);

        Assert.Equal(409, answer.Status);
        Assert.Equal(Problems.ContentType, answer.MediaType);
        await _c.Store.DidNotReceiveWithAnyArgs().TryCreateAsync(default!, default);
    }

    [Fact]
    public async Task When_scheduling_fails_the_client_gets_503_and_nothing_is_stored()
    {
        _c.Scheduler.ScheduleAsync(Arg.Any<CloseSchedule>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new DependencyUnavailableException("bus down"));

        var answer = await PostAsync(ValidBody);

        Assert.Equal(503, answer.Status);
        Assert.Equal("5", answer.Headers.RetryAfter.ToString());
        await _c.Store.DidNotReceiveWithAnyArgs().TryCreateAsync(default!, default);
    }

    [Fact]
    public async Task When_storing_fails_after_scheduling_the_client_gets_503_and_a_retry_creates_the_order()
    {
        _c.Store.TryCreateAsync(Arg.Any<Order>(), Arg.Any<CancellationToken>())
            .Returns(_ => throw new DependencyUnavailableException("cosmos 503"), call => new StoredOrder(call.Arg<Order>(), "\"1\""));

        var first = await PostAsync(ValidBody);
        var retry = await PostAsync(ValidBody);

        Assert.Equal(503, first.Status);
        Assert.Equal(201, retry.Status);
        // Both attempts scheduled for the same deadline (the clock stood still) under the same MessageId: Service Bus
        // drops the second as a duplicate. (Had time passed, the first attempt's earlier close would be resent.)
        await _c.Scheduler.Received(2).ScheduleAsync(Arg.Is<CloseSchedule>(s => s.MessageId == "T1001@20261128T123000.0000000Z"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_subject_of_256_characters_as_a_reader_counts_them_is_stored_though_it_has_512_UTF_16_units()
    {
        var subject = string.Concat(Enumerable.Repeat("e\u0301", 256));

        var answer = await PostAsync(
            $$"""{"outTradeNo":"T1001","amount":1999,"currency":"CNY","payType":"ALIPAY","subject":{{System.Text.Json.JsonSerializer.Serialize(subject)}}}""");

        Assert.Equal(201, answer.Status);
        Assert.Equal(subject, answer.Json.GetProperty("subject").GetString());
        await _c.Store.Received(1).TryCreateAsync(Arg.Is<Order>(o => o.Subject == subject), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_subject_with_a_bidirectional_override_is_refused_saying_which_character_and_why()
    {
        var answer = await PostAsync("""{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"ALIPAY","subject":"Tea \u202Egpj.exe"}""");

        Assert.Equal(400, answer.Status);
        var reason = Assert.Single(answer.Json.GetProperty("errors").GetProperty("subject").EnumerateArray()).GetString();
        Assert.EndsWith("Found U+202E, a bidirectional embedding or override, which reorders the text after it.", reason);
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData("{", "")]
    [InlineData("[]", "")]
    [InlineData("null", "")]
    [InlineData("""{"outTradeNo":"T1","amount":19.99,"currency":"CNY","payType":"ALIPAY"}""", "")]
    [InlineData("""{"outTradeNo":"T1","amount":"1999","currency":"CNY","payType":"ALIPAY"}""", "")]
    [InlineData("""{"amount":1999,"currency":"CNY","payType":"ALIPAY"}""", "outTradeNo")]
    [InlineData("""{"outTradeNo":"T1","currency":"CNY","payType":"ALIPAY"}""", "amount")]
    [InlineData("""{"outTradeNo":"T1","amount":1999,"payType":"ALIPAY"}""", "currency")]
    [InlineData("""{"outTradeNo":"T1","amount":1999,"currency":"CNY"}""", "payType")]
    [InlineData("""{"outTradeNo":"T1","amount":0,"currency":"CNY","payType":"ALIPAY"}""", "amount")]
    [InlineData("""{"outTradeNo":"T1","amount":-5,"currency":"CNY","payType":"ALIPAY"}""", "amount")]
    [InlineData("""{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"BITCOIN"}""", "payType")]
    [InlineData("""{"outTradeNo":"T1","amount":1999,"currency":"XYZ","payType":"ALIPAY"}""", "currency")]
    [InlineData("""{"outTradeNo":"T1","amount":1999,"currency":"cny","payType":"ALIPAY"}""", "currency")]
    [InlineData("""{"outTradeNo":"T1","amount":1999,"currency":"USD","payType":"ALIPAY"}""", "currency")]
    [InlineData("""{"outTradeNo":"has space","amount":1999,"currency":"CNY","payType":"ALIPAY"}""", "outTradeNo")]
    [InlineData("""{"outTradeNo":"a/b","amount":1999,"currency":"CNY","payType":"ALIPAY"}""", "outTradeNo")]
    [InlineData("""{"outTradeNo":"12345678901234567890123456789012345678901234567890123456789012345","amount":1999,"currency":"CNY","payType":"ALIPAY"}""", "outTradeNo")]
    [InlineData("""{"outTradeNo":"NL1\n","amount":1999,"currency":"CNY","payType":"ALIPAY"}""", "outTradeNo")]
    [InlineData("""{"outTradeNo":"1234567890123456789012345678901234567890123456789012345678901234\n","amount":1999,"currency":"CNY","payType":"ALIPAY"}""", "outTradeNo")]
    [InlineData("""{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"ALIPAY","paymentTimeoutSeconds":59}""", "paymentTimeoutSeconds")]
    [InlineData("""{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"ALIPAY","paymentTimeoutSeconds":604801}""", "paymentTimeoutSeconds")]
    [InlineData("""{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"ALIPAY","subject":"a\u0000b"}""", "subject")]
    [InlineData("""{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"ALIPAY","subject":"Tea \u202Egpj.exe"}""", "subject")]
    [InlineData("""{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"ALIPAY","subject":"Tea\u2066x\u2069"}""", "subject")]
    [InlineData("""{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"ALIPAY","subject":"Tea\u2028Coffee"}""", "subject")]
    [InlineData("""{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"ALIPAY","subject":"\uFEFFTea"}""", "subject")]
    [InlineData("""{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"ALIPAY","subject":"Tea\ud800"}""", "")]
    [InlineData("""{"OutTradeNo":"T1","amount":1999,"currency":"CNY","payType":"ALIPAY"}""", "outTradeNo")]
    [InlineData("""{"outTradeNo":"T1","amount":1,"amount":3,"currency":"CNY","payType":"ALIPAY"}""", "")]
    public async Task Bad_input_is_400_with_problem_details_and_nothing_is_scheduled_or_stored(string body, string field)
    {
        var answer = await PostAsync(body);

        Assert.Equal(400, answer.Status);
        Assert.Equal(Problems.ContentType, answer.MediaType);
        Assert.Equal(400, answer.Json.GetProperty("status").GetInt32());
        if (field.Length > 0)
        {
            Assert.True(answer.Json.GetProperty("errors").TryGetProperty(field, out _), answer.Body);
        }
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task An_oversized_body_is_413_with_problem_details_and_nothing_happens()
    {
        var answer = await PostAsync($$"""{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"ALIPAY","subject":"{{new string('x', 20_000)}}"}""");

        Assert.Equal(413, answer.Status);
        Assert.Equal(Problems.ContentType, answer.MediaType);
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_not_sent_as_json_is_415_and_nothing_happens(string? contentType)
    {
        var request = HttpTesting.Request("POST", Encoding.UTF8.GetBytes(ValidBody), contentType!);

        var answer = await (await _function.RunAsync(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(415, answer.Status);
        Assert.Equal("tag:orderclose,2026:problem:unsupported-media-type", answer.Json.GetProperty("type").GetString());
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task Json_with_a_charset_is_json()
    {
        var request = HttpTesting.Request("POST", Encoding.UTF8.GetBytes(ValidBody), "application/json; charset=utf-8");

        var answer = await (await _function.RunAsync(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(201, answer.Status);
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_400()
    {
        var request = HttpTesting.Request("POST", [0x7B, 0xFF, 0xFE, 0x7D]);

        var answer = await (await _function.RunAsync(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(400, answer.Status);
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData(299, false)]
    [InlineData(300, true)]
    public async Task A_pay_type_with_a_longer_minimum_timeout_refuses_a_shorter_one_saying_why(int seconds, bool accepted)
    {
        var function = WithSlowClosingProvider(TimeSpan.FromMinutes(5));

        var answer = await PostAsync(function, $$"""{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"SLOWCLOSE","paymentTimeoutSeconds":{{seconds}}}""");

        if (accepted)
        {
            Assert.Equal(201, answer.Status);
            return;
        }
        Assert.Equal(400, answer.Status);
        var error = answer.Json.GetProperty("errors").GetProperty("paymentTimeoutSeconds")[0].GetString();
        Assert.Equal("SLOWCLOSE needs at least 300 seconds: its provider must not be asked to close a trade sooner after it was placed.", error);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task Without_a_timeout_a_pay_type_whose_minimum_is_above_the_default_gets_its_minimum()
    {
        _c.Options.Value.DefaultPaymentTimeout = TimeSpan.FromMinutes(2);
        var function = WithSlowClosingProvider(TimeSpan.FromMinutes(5));

        var answer = await PostAsync(function, """{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"SLOWCLOSE"}""");

        Assert.Equal(201, answer.Status);
        Assert.Equal(Collaborators.Now.AddMinutes(5), answer.Json.GetProperty("payDeadline").GetDateTimeOffset());
    }

    [Fact]
    public async Task Another_pay_types_minimum_does_not_apply()
    {
        var function = WithSlowClosingProvider(TimeSpan.FromMinutes(5));

        var answer = await PostAsync(function, """{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"ALIPAY","paymentTimeoutSeconds":60}""");

        Assert.Equal(201, answer.Status);
    }

    /// <summary>The function with ALIPAY and a SLOWCLOSE provider that allows no timeout under <paramref name="minimum"/>.</summary>
    private CreateOrderFunction WithSlowClosingProvider(TimeSpan minimum)
    {
        var slow = Substitute.For<IPaymentProvider>();
        slow.PayType.Returns("SLOWCLOSE");
        slow.Supports("CNY").Returns(true);
        slow.MinPaymentTimeout.Returns(minimum);
        var providers = new OrderClose.Payments.PaymentProviderPicker([_c.Alipay, slow]);
        return new CreateOrderFunction(new CreateOrderValidator(providers, _c.Options), _c.PlaceOrder());
    }

    private static async Task<HttpAnswer> PostAsync(CreateOrderFunction function, string body)
    {
        var request = HttpTesting.Request("POST", body);
        return await (await function.RunAsync(request, CancellationToken.None)).ExecuteAsync(request);
    }

    private Task<HttpAnswer> PostAsync(string body) => PostAsync(_function, body);

    private async Task AssertNothingHappenedAsync()
    {
        await _c.Scheduler.DidNotReceiveWithAnyArgs().ScheduleAsync(default!, default);
        await _c.Store.DidNotReceiveWithAnyArgs().TryCreateAsync(default!, default);
    }
}
