using System.Text;
using Microsoft.AspNetCore.Mvc;
using OrderClose.Functions.Http;
using OrderClose.Orders;
using OrderClose.LocalRunner.Hosting;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Payments;

/// <summary>
/// The buyer pays at the sandbox's cashier, through the link the payment start handed out
/// (<c>POST /sandbox/cashier/{outTradeNo}?expiresAt=…&amp;signature=…</c>: refused at or after its expiry, which closes the
/// trade, as Alipay's <c>time_expire</c> does), or through <c>POST /sandbox/pay/{outTradeNo}</c>, a link made without
/// an expiry, or through <c>POST /sandbox/late-pay/{outTradeNo}</c>, an old cashier opened without an expiry before the
/// merchant's close, which that close did not reach (<see cref="SandboxTrades.PayLateAsync"/>). The trade is recorded as paid (a closed trade refuses: 409), then the sandbox sends its signed callback
/// to the runner's PaymentNotify over HTTP, as a real provider would, and reports the answer it got. It sends once: a
/// lost callback is what the close's query to the provider is for.
/// </summary>
public sealed class SandboxCashier(
    SandboxTrades trades,
    SandboxSigner signer,
    SandboxPaymentLink links,
    IOrderStore store,
    RunnerAddress address,
    TimeProvider clock,
    HttpClient http)
{
    public const string Route = "/sandbox/pay/{outTradeNo}";
    public const string LateRoute = "/sandbox/late-pay/{outTradeNo}";

    /// <summary>What a browser sent to the cashier link sees: the order and a button that pays it.</summary>
    public static IResult Page(string outTradeNo, HttpRequest request) => Results.Content($$"""
        <!doctype html>
        <title>Sandbox cashier</title>
        <h1>Sandbox cashier: order {{System.Net.WebUtility.HtmlEncode(outTradeNo)}}</h1>
        <form method="post" action="{{System.Net.WebUtility.HtmlEncode(request.Path + request.QueryString)}}"><button>Pay</button></form>
        """, "text/html");

    /// <summary>Pays through a link from the payment start: refused (409, trade closed) at or after the expiry it carries.</summary>
    public async Task<IActionResult> PayThroughLinkAsync(string outTradeNo, string? expiresAt, string? signature, CancellationToken cancellationToken)
    {
        if (links.ExpiryOf(outTradeNo, expiresAt, signature) is not { } expiry)
        {
            return Problems.Of(SandboxProblems.InvalidCashierLink,
                "The link's expiry or signature is missing or was not made by this sandbox for this order.");
        }
        if (clock.GetUtcNow() >= expiry && await trades.CloseAsync(outTradeNo) != TradeCloseResult.AlreadyPaid)
        {
            return Problems.Of(SandboxProblems.TradeClosed, $"The payment of {outTradeNo} expired at {expiry.UtcDateTime:o}.");
        }
        return await PayAsync(outTradeNo, cancellationToken);
    }

    /// <summary>How many times a late payment's callback is sent until the app accepts it, and the wait before the next.</summary>
    private const int LateCallbackAttempts = 10;
    private static readonly TimeSpan LateCallbackBackoff = TimeSpan.FromMilliseconds(100);

    public Task<IActionResult> PayAsync(string outTradeNo, CancellationToken cancellationToken) =>
        PayAsync(outTradeNo, trades.PayAsync, callbackAttempts: 1, cancellationToken);

    /// <summary>
    /// Pays even after the merchant's close: a late payment, which the app must refund. Its callback is sent again until
    /// the app accepts it (a few times, backing off), as providers retry theirs: no close is left to find this payment.
    /// </summary>
    public Task<IActionResult> PayLateAsync(string outTradeNo, CancellationToken cancellationToken) =>
        PayAsync(outTradeNo, trades.PayLateAsync, LateCallbackAttempts, cancellationToken);

    private async Task<IActionResult> PayAsync(
        string outTradeNo, Func<string, Task<(SandboxPayResult, SandboxTrade?)>> pay, int callbackAttempts, CancellationToken cancellationToken)
    {
        if (!OutTradeNumbers.IsValid(outTradeNo))
        {
            return Problems.InvalidOrderNumber();
        }
        if (await store.FindAsync(outTradeNo, cancellationToken) is not { } stored)
        {
            return Problems.Of(ProblemTypes.OrderNotFound, $"The merchant never placed order {outTradeNo}.");
        }

        var (result, trade) = await pay(outTradeNo);
        if (result == SandboxPayResult.Closed)
        {
            return Problems.Of(SandboxProblems.TradeClosed, $"The merchant closed trade {outTradeNo}; it can no longer be paid.");
        }

        var amount = stored.Order.Amount;
        var notification = new SandboxNotification(outTradeNo, trade!.TradeNo, SandboxNotification.Success,
            amount.MinorUnits, amount.Currency, trade.PaidAt!.Value);
        var (status, answer) = await NotifyAsync(notification, cancellationToken);
        for (var attempt = 2; attempt <= callbackAttempts && status is not (>= 200 and < 300); attempt++)
        {
            await Task.Delay(LateCallbackBackoff * (attempt - 1), clock, cancellationToken);
            (status, answer) = await NotifyAsync(notification, cancellationToken);
        }
        return new OkObjectResult(new
        {
            outTradeNo,
            tradeNo = trade.TradeNo,
            tradeStatus = notification.TradeStatus,
            paidAt = notification.PaidAt.UtcDateTime,
            notification = new { status, answer },
        });
    }

    private async Task<(int? Status, string Answer)> NotifyAsync(SandboxNotification notification, CancellationToken cancellationToken)
    {
        var body = notification.ToJson();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address.BaseAddress, "api/payments/sandbox/notify"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(SandboxNotification.SignatureHeader, signer.Sign(body));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException exception)
        {
            return (null, exception.Message);
        }
    }
}
