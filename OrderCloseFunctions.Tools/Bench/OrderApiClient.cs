using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace OrderClose.Tools.Bench;

/// <summary>The calls a driver makes to a runner: place an order, pay it at the sandbox cashier, read it back.</summary>
public sealed class OrderApiClient(HttpClient http)
{
    private long _refusals;

    /// <summary>Creates the runner answered 503 (closes first: it was catching up), each sent again after its Retry-After.</summary>
    public long Refusals => Interlocked.Read(ref _refusals);

    /// <summary>True when the order is placed: now (201) or by an earlier try of the same request (200).</summary>
    public async Task<bool> CreateAsync(string outTradeNo, TimeSpan timeout, string payType = "SANDBOX")
    {
        var body = string.Create(CultureInfo.InvariantCulture,
            $$"""{"outTradeNo":"{{outTradeNo}}","amount":1999,"currency":"CNY","payType":"{{payType}}","paymentTimeoutSeconds":{{(int)timeout.TotalSeconds}}}""");
        while (true)
        {
            using var response = await http.PostAsync("api/orders", new StringContent(body, Encoding.UTF8, "application/json"));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || response.Headers.RetryAfter?.Delta is not { } delay)
            {
                return response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK;
            }
            Interlocked.Increment(ref _refusals);
            await Task.Delay(delay);
        }
    }

    public Task<PayOutcome> PayAsync(string outTradeNo) => PayAtAsync($"sandbox/pay/{outTradeNo}");

    /// <summary>Asks the runner where the buyer pays (<c>POST /api/orders/{no}/payment</c>): 200 with the provider's URL, 409 when the order can no longer be paid.</summary>
    public async Task<HttpStatusCode> StartPaymentAsync(string outTradeNo, string channel)
    {
        using var response = await http.PostAsync($"api/orders/{outTradeNo}/payment",
            new StringContent($$"""{"channel":"{{channel}}"}""", Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    /// <summary>Pays through the sandbox's old cashier without an expiry: taken even after the order was cancelled.</summary>
    public Task<PayOutcome> PayLateAsync(string outTradeNo) => PayAtAsync($"sandbox/late-pay/{outTradeNo}");

    private async Task<PayOutcome> PayAtAsync(string path)
    {
        using var response = await http.PostAsync(path, content: null);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => PayOutcome.Paid,
            HttpStatusCode.Conflict => PayOutcome.Refused,
            _ => PayOutcome.Failed,
        };
    }

    public async Task<FinalOrder> ReadAsync(string outTradeNo)
    {
        using var response = await http.GetAsync($"api/orders/{outTradeNo}");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return default;
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var order = json.RootElement;
        return new FinalOrder(
            order.GetProperty("state").GetString(),
            order.GetProperty("payDeadline").GetDateTimeOffset(),
            order.GetProperty("closedAt").ValueKind == JsonValueKind.Null ? null : order.GetProperty("closedAt").GetDateTimeOffset(),
            order.GetProperty("refundRequired").GetBoolean())
        {
            RefundStatus = order.GetProperty("refund") is { ValueKind: JsonValueKind.Object } refund ? refund.GetProperty("status").GetString() : null,
        };
    }
}
