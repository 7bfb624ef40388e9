using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using OrderClose.Orders.Ports;

namespace OrderClose.Payments.Alipay;

/// <summary>
/// The buyer's way into Alipay's cashier: a signed <c>alipay.trade.page.pay</c> (computer) or <c>alipay.trade.wap.pay</c>
/// (phone browser) request as a GET URL to the gateway. Nothing is sent: the buyer's browser takes it there. Its
/// <c>time_expire</c> makes Alipay itself refuse the payment from the order's deadline on.
/// </summary>
internal sealed class AlipayPaymentUrls(AlipaySigner signer, AlipayCertificateParameters certificates, IOptions<AlipayOptions> options, PaymentCallbacks callbacks, TimeProvider clock)
{
    /// <summary>Text as is (the URL encoding protects it), as Alipay's own SDKs write biz_content: a subject reads the same in every tool.</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The channels: their gateway method and Alipay product code.</summary>
    public static readonly IReadOnlyDictionary<string, (string Method, string ProductCode)> Channels =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["page"] = ("alipay.trade.page.pay", "FAST_INSTANT_TRADE_PAY"),
            ["wap"] = ("alipay.trade.wap.pay", "QUICK_WAP_WAY"),
        };

    public Uri Build(PaymentStartRequest request)
    {
        if (!Channels.TryGetValue(request.Channel, out var channel))
        {
            throw new ArgumentException($"Alipay has no channel '{request.Channel}'.", nameof(request));
        }
        var order = request.Order;
        var parameters = AlipayRequest.Common(options.Value, certificates, channel.Method, clock.GetUtcNow());
        parameters["notify_url"] = callbacks.NotifyUrl(AlipayProvider.Name).AbsoluteUri;
        if (request.ReturnUrl is { } returnUrl)
        {
            parameters["return_url"] = returnUrl.AbsoluteUri;
        }
        parameters["biz_content"] = JsonSerializer.Serialize(new PayBizContent(
            order.OutTradeNo,
            AlipayAmount.Yuan(order.Amount.MinorUnits),
            // Alipay requires a subject; the order number is what the buyer can tell the shop.
            order.Subject ?? order.OutTradeNo,
            channel.ProductCode,
            // To the second, rounded down: Alipay closes the trade no later than the order's deadline.
            ChinaTime.Format(request.ExpiresAt)), Json);
        parameters["sign"] = signer.Sign(AlipaySigner.RequestString(parameters, "sign"));
        return new Uri(QueryHelpers.AddQueryString(options.Value.GatewayUrl.AbsoluteUri, parameters!));
    }

    /// <summary>Fen as yuan with two decimals, whatever the server's culture: 1999 → "19.99".</summary>

    private sealed record PayBizContent(string OutTradeNo, string TotalAmount, string Subject, string ProductCode, string TimeExpire);
}
