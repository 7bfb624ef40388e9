using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderClose.LocalRunner.Messaging;
using OrderClose.LocalRunner.Payments;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.EndToEnd;

/// <summary>Part 1 over the runner: the storefront asks OrderClose where its buyer pays, and the sandbox honours the expiry.</summary>
public sealed class PaymentStartEndToEndTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("orderclose-e2e-pay-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task Create_start_payment_pay_at_the_cashier_link_and_the_order_is_paid_with_its_close_cancelled()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName);
        using var created = await runner.CreateAsync("E2E-START", timeoutSeconds: 60);
        var deadline = (await runner.GetAsync("E2E-START")).GetProperty("payDeadline").GetDateTimeOffset();

        var start = await StartAsync(runner, "E2E-START", """{"channel":"page","returnUrl":"http://127.0.0.1/shop/done"}""");
        var again = await StartAsync(runner, "E2E-START", """{"channel":"wap"}""");

        Assert.Equal("SANDBOX", start.GetProperty("payType").GetString());
        Assert.Equal("page", start.GetProperty("channel").GetString());
        Assert.Equal(deadline, start.GetProperty("expiresAt").GetDateTimeOffset());
        var link = new Uri(start.GetProperty("paymentUrl").GetString()!);
        Assert.Equal(new Uri(runner.Http.BaseAddress!, "sandbox/cashier/E2E-START").AbsolutePath, link.AbsolutePath);
        Assert.Equal(link, new Uri(again.GetProperty("paymentUrl").GetString()!));
        using var page = await runner.Http.GetAsync(link);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

        using var paid = await runner.Http.PostAsync(link, content: null);

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var cashier = await paid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("success", cashier.GetProperty("notification").GetProperty("answer").GetString());
        Assert.Equal("PAID", (await runner.GetAsync("E2E-START")).GetProperty("state").GetString());
        Assert.Equal(0, await runner.Service<SqliteCloseQueue>().ActiveCountAsync());
        using var afterPaid = await runner.StartPaymentAsync("E2E-START", """{"channel":"page"}""");
        Assert.Equal(HttpStatusCode.Conflict, afterPaid.StatusCode);
    }

    [Fact]
    public async Task The_sandbox_refuses_a_payment_through_the_link_at_its_expiry_even_when_nobody_closed_the_trade()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName);
        using var created = await runner.CreateAsync("E2E-EXPIRED", timeoutSeconds: 1);
        var link = new Uri((await StartAsync(runner, "E2E-EXPIRED", """{"channel":"page"}""")).GetProperty("paymentUrl").GetString()!);
        // The close is lost, so nothing closes the trade at the deadline.
        var stored = await runner.Service<IOrderStore>().FindAsync("E2E-EXPIRED", CancellationToken.None);
        Assert.True(await runner.Service<SqliteCloseQueue>().CancelScheduledAsync(stored!.Order.ScheduledCloseHandle!.Value));
        await Task.Delay(stored.Order.PayDeadline - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100));

        using var late = await runner.Http.PostAsync(link, content: null);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("closed", await late.Content.ReadAsStringAsync());
        Assert.Equal(TradeState.Closed, (await runner.Service<SandboxTrades>().FindAsync("E2E-EXPIRED"))!.State);
        Assert.Equal("NEW", (await runner.GetAsync("E2E-EXPIRED")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_link_whose_expiry_was_stretched_is_refused()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName);
        using var created = await runner.CreateAsync("E2E-STRETCH", timeoutSeconds: 60);
        var link = (await StartAsync(runner, "E2E-STRETCH", """{"channel":"page"}""")).GetProperty("paymentUrl").GetString()!;
        var stretched = System.Text.RegularExpressions.Regex.Replace(link, "expiresAt=[0-9]+", "expiresAt=99999999999999");

        using var answer = await runner.Http.PostAsync(stretched, content: null);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(await runner.Service<SandboxTrades>().FindAsync("E2E-STRETCH"));
    }

    [Fact]
    public async Task Unknown_orders_late_orders_and_bad_requests_get_problem_details()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName, "--Orders:MinTimeToPay=00:00:00.900");
        using var created = await runner.CreateAsync("E2E-TOOLATE", timeoutSeconds: 1);
        // From here on, less than MinTimeToPay is left before the deadline.
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        using var unknown = await runner.StartPaymentAsync("E2E-NOBODY", """{"channel":"page"}""");
        using var tooLate = await runner.StartPaymentAsync("E2E-TOOLATE", """{"channel":"page"}""");
        using var badChannel = await runner.StartPaymentAsync("E2E-TOOLATE", """{"channel":"cash"}""");
        using var badUrl = await runner.StartPaymentAsync("E2E-TOOLATE", """{"channel":"page","returnUrl":"http://shop.test/"}""");

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (unknown.StatusCode, unknown.Content.Headers.ContentType?.MediaType));
        Assert.Equal((HttpStatusCode.Conflict, "application/problem+json"), (tooLate.StatusCode, tooLate.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.BadRequest, badChannel.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badUrl.StatusCode);
    }

    private static async Task<JsonElement> StartAsync(RunningRunner runner, string outTradeNo, string body)
    {
        using var response = await runner.StartPaymentAsync(outTradeNo, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
