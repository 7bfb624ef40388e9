using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Interop.WeChatPay;
using OrderClose.Tests.Payments.WeChatPay;
using OrderClose.Stubs.WeChatPay;

namespace OrderClose.Tests.EndToEnd;

/// <summary>
/// WECHATPAY orders through the runner (the real functions over HTTP, the SQLite store and close queue) and the real
/// WeChat Pay provider, talking to the loopback WeChat Pay stub and its trade ledger.
/// </summary>
public sealed class WeChatPayEndToEndTests : IAsyncLifetime
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("orderclose-wechatpay-e2e-");
    private readonly WeChatPayStubTrades _trades = new(WeChatPayTestAccount.Account, TimeProvider.System);
    private WeChatPayGatewayStub _gateway = null!;

    public async Task InitializeAsync()
    {
        _gateway = await WeChatPayGatewayStub.StartAsync(WeChatPayTestAccount.Account, TimeProvider.System);
        _gateway.Respond = _trades.Respond;
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task A_paid_order_becomes_PAID_by_the_callback_and_its_close_never_reaches_wechat_pay()
    {
        await using var runner = await StartRunnerAsync();
        await CreateOpenedAsync(runner, "WX-PAID", timeoutSeconds: 1);

        using var answer = await PayAsync(runner, "WX-PAID");

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Empty(await answer.Content.ReadAsStringAsync());
        Assert.Equal("PAID", (await runner.GetAsync("WX-PAID")).GetProperty("state").GetString());
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal("PAID", (await runner.GetAsync("WX-PAID")).GetProperty("state").GetString());
        Assert.Equal(0, _trades.Closes);
        Assert.Equal(1, runner.Transitions.MovesOf("WX-PAID"));
    }

    [Fact]
    public async Task An_unpaid_order_is_closed_at_wechat_pay_at_its_deadline_and_cannot_be_paid_after()
    {
        await using var runner = await StartRunnerAsync();
        await CreateOpenedAsync(runner, "WX-UNPAID", timeoutSeconds: 1);

        var order = await runner.WaitUntilSettledAsync("WX-UNPAID");

        Assert.Equal("CANCELLED", order.GetProperty("state").GetString());
        Assert.True(order.GetProperty("closedAt").GetDateTimeOffset() >= order.GetProperty("payDeadline").GetDateTimeOffset());
        Assert.Equal("CLOSED", _trades.StateOf("WX-UNPAID"));
        Assert.Contains(_gateway.Requests, r => r.Method == "POST" && r.Path.EndsWith("/WX-UNPAID/close") && r.AuthorizationValid);
        Assert.False(_trades.TryPay("WX-UNPAID", out _));
    }

    [Fact]
    public async Task A_lost_callback_is_caught_by_the_close_s_query_and_the_trade_is_left_open()
    {
        await using var runner = await StartRunnerAsync();
        await CreateOpenedAsync(runner, "WX-LOST", timeoutSeconds: 1);
        Assert.True(_trades.TryPay("WX-LOST", out var transaction));

        var order = await runner.WaitUntilSettledAsync("WX-LOST");

        Assert.Equal("PAID", order.GetProperty("state").GetString());
        var successTime = JsonDocument.Parse(transaction).RootElement.GetProperty("success_time").GetDateTimeOffset();
        Assert.Equal(successTime, order.GetProperty("paidAt").GetDateTimeOffset());
        Assert.Equal(0, _trades.Closes);
        Assert.Equal("SUCCESS", _trades.StateOf("WX-LOST"));
    }

    [Fact]
    public async Task A_replayed_callback_is_answered_204_and_changes_nothing()
    {
        await using var runner = await StartRunnerAsync();
        await CreateOpenedAsync(runner, "WX-REPLAY", timeoutSeconds: 60);
        Assert.True(_trades.TryPay("WX-REPLAY", out var transaction));
        var callback = _trades.Callback(transaction);

        using var first = await NotifyAsync(runner, callback);
        var paid = await runner.GetAsync("WX-REPLAY");
        using var replay = await NotifyAsync(runner, callback);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (first.StatusCode, replay.StatusCode));
        Assert.Equal(paid.ToString(), (await runner.GetAsync("WX-REPLAY")).ToString());
        Assert.Equal(1, runner.Transitions.MovesOf("WX-REPLAY"));
    }

    [Theory]
    [InlineData("tampered", HttpStatusCode.Unauthorized)]
    [InlineData("another amount", HttpStatusCode.UnprocessableEntity)]
    [InlineData("unknown order", HttpStatusCode.NotFound)]
    public async Task A_callback_that_cannot_be_accepted_is_answered_with_fail_so_wechat_pay_sends_it_again(string kind, HttpStatusCode status)
    {
        await using var runner = await StartRunnerAsync();
        await CreateOpenedAsync(runner, "WX-REFUSED", timeoutSeconds: 60);
        var transaction = WeChatPayCallbacks.Transaction(("out_trade_no", kind == "unknown order" ? "WX-NOBODY" : "WX-REFUSED"),
            ("amount", new System.Text.Json.Nodes.JsonObject { ["total"] = kind == "another amount" ? 1 : 1999, ["currency"] = "CNY" }));
        var callback = WeChatPayCallbacks.Signed(WeChatPayCallbacks.Body(transaction.ToJsonString()), DateTimeOffset.UtcNow);
        if (kind == "tampered")
        {
            callback = callback with { Body = callback.Body.Replace("EV-", "XX-") };
        }

        using var answer = await NotifyAsync(runner, callback);

        Assert.Equal(status, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FAIL", body.GetProperty("code").GetString());
        Assert.Equal("NEW", (await runner.GetAsync("WX-REFUSED")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_callback_the_library_builds_is_answered_204_and_pays_the_order()
    {
        await using var runner = await StartRunnerAsync();
        await CreateOpenedAsync(runner, "WX-LIBRARY", timeoutSeconds: 60);
        var transaction = WeChatPayCallbacks.Transaction(("out_trade_no", "WX-LIBRARY"));
        var callback = await WeChatPayLibrary.CallbackAsync(transaction.ToJsonString(), DateTimeOffset.UtcNow);

        using var answer = await NotifyAsync(runner, callback);

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("PAID", (await runner.GetAsync("WX-LIBRARY")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Without_a_lowered_minimum_a_wechatpay_order_shorter_than_five_minutes_is_refused_saying_why()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName, RunnerSettings(lowerMinimum: false));

        using var created = await runner.CreateAsync("WX-SHORT", timeoutSeconds: 60, payType: "WECHATPAY");

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        var problem = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("WECHATPAY needs at least 300 seconds", problem.GetProperty("errors").GetProperty("paymentTimeoutSeconds")[0].GetString());
    }

    private Task<RunningRunner> StartRunnerAsync() => RunningRunner.StartAsync(_data.FullName, RunnerSettings(lowerMinimum: true));

    /// <summary>The runner's WeChat Pay settings, pointing at the stub; the 5-minute minimum lowered so orders close within a test.</summary>
    private string[] RunnerSettings(bool lowerMinimum) =>
    [
        .. WeChatPayTestAccount.Settings(_gateway.BaseUrl).Select(setting => $"--{setting.Key}={setting.Value}"),
        // Where WeChat Pay would call back; the stub posts nothing there, the tests deliver the callbacks.
        "--Payments:PublicBaseUrl=http://127.0.0.1:7071",
        .. lowerMinimum ? ["--WeChatPay:MinPaymentTimeout=00:00:01"] : Array.Empty<string>(),
    ];

    /// <summary>Places the order and opens its trade at the stub, as the storefront's cashier would.</summary>
    private async Task CreateOpenedAsync(RunningRunner runner, string outTradeNo, int timeoutSeconds)
    {
        using var created = await runner.CreateAsync(outTradeNo, timeoutSeconds, payType: "WECHATPAY");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        _trades.Open(outTradeNo, 1999);
    }

    /// <summary>The buyer pays at the stub and WeChat Pay's callback reaches the runner.</summary>
    private async Task<HttpResponseMessage> PayAsync(RunningRunner runner, string outTradeNo)
    {
        Assert.True(_trades.TryPay(outTradeNo, out var transaction));
        return await NotifyAsync(runner, _trades.Callback(transaction));
    }

    private static Task<HttpResponseMessage> NotifyAsync(RunningRunner runner, NotificationRequest callback)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/payments/wechatpay/notify")
        {
            Content = new StringContent(callback.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in callback.Headers)
        {
            request.Headers.Add(name, value);
        }
        return runner.Http.SendAsync(request);
    }
}
