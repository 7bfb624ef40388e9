using System.Text;
using Microsoft.AspNetCore.Mvc;
using OrderClose.Functions.Http;
using OrderClose.Orders;
using OrderClose.LocalRunner.Hosting;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Payments;

/// <summary>
/// <c>POST /sandbox/pay/{outTradeNo}</c>: the buyer pays at the sandbox's cashier. The trade is recorded as paid
/// (a closed trade refuses: 409), then the sandbox sends its signed callback to the runner's PaymentNotify over
/// HTTP, as a real provider would, and reports the answer it got. It sends once: a lost callback is what the
/// close's query to the provider is for.
/// </summary>
public sealed class SandboxCashier(SandboxTrades trades, SandboxSigner signer, IOrderStore store, RunnerAddress address, HttpClient http)
{
    public const string Route = "/sandbox/pay/{outTradeNo}";

    public async Task<IActionResult> PayAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        if (!OutTradeNumbers.IsValid(outTradeNo))
        {
            return Problems.InvalidOrderNumber();
        }
        if (await store.FindAsync(outTradeNo, cancellationToken) is not { } stored)
        {
            return Problems.Of(ProblemTypes.OrderNotFound, $"The merchant never placed order {outTradeNo}.");
        }

        var (result, trade) = await trades.PayAsync(outTradeNo);
        if (result == SandboxPayResult.Closed)
        {
            return Problems.Of(SandboxProblems.TradeClosed, $"The merchant closed trade {outTradeNo}; it can no longer be paid.");
        }

        var amount = stored.Order.Amount;
        var notification = new SandboxNotification(outTradeNo, trade!.TradeNo, SandboxNotification.Success,
            amount.MinorUnits, amount.Currency, trade.PaidAt!.Value);
        var (status, answer) = await NotifyAsync(notification, cancellationToken);
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
