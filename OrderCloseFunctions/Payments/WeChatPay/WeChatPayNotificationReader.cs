using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderClose.Orders.Ports;

namespace OrderClose.Payments.WeChatPay;

/// <summary>
/// Reads WeChat Pay's payment callback: first WeChat Pay's signature over the raw body (and the timestamp window),
/// then the <c>resource</c> decrypted with the APIv3 key, then the transaction in it, which must be this merchant's
/// (<c>mchid</c>) and app's (<c>appid</c>) and in CNY. Anything else reads as null. Logs name the order, never the payer.
/// </summary>
internal sealed class WeChatPayNotificationReader(
    WeChatPayPlatformVerifier verifier,
    WeChatPayResourceCipher cipher,
    IOptions<WeChatPayOptions> options,
    ILogger<WeChatPayNotificationReader> logger)
{
    private const string TransactionType = "transaction";

    public PaymentNotification? Read(NotificationRequest request)
    {
        var check = verifier.Check(name => Header(request, name), request.Body);
        if (check != SignatureCheck.Valid)
        {
            logger.LogWarning("WeChat Pay notification rejected: signature check {SignatureCheck}", check);
            return null;
        }
        if (Deserialize<Envelope>(request.Body)?.Resource is not { Algorithm: WeChatPayResourceCipher.Algorithm, OriginalType: TransactionType } resource
            || resource.Ciphertext is null || resource.Nonce is null)
        {
            logger.LogWarning("WeChat Pay notification rejected: no {Algorithm}-encrypted transaction in it", WeChatPayResourceCipher.Algorithm);
            return null;
        }
        if (cipher.Decrypt(resource.Ciphertext, resource.Nonce, resource.AssociatedData) is not { } plaintext
            || Deserialize<WeChatPayTransaction>(plaintext) is not { } transaction)
        {
            logger.LogWarning("WeChat Pay notification rejected: its resource does not decrypt with the APIv3 key to a transaction");
            return null;
        }
        return Accept(transaction);
    }

    private PaymentNotification? Accept(WeChatPayTransaction transaction)
    {
        var outTradeNo = transaction.OutTradeNo;
        var merchant = options.Value;
        if (transaction.Mchid != merchant.MchId || transaction.Appid != merchant.AppId)
        {
            logger.LogWarning("WeChat Pay notification for {OutTradeNo} rejected: it is for another mchid or appid", outTradeNo);
            return null;
        }
        if (string.IsNullOrEmpty(outTradeNo))
        {
            logger.LogWarning("WeChat Pay notification rejected: no out_trade_no");
            return null;
        }
        var paid = transaction.TradeState == WeChatPayTradeStates.Success;
        if (transaction.Amount is { } amount ? amount.Total < 0 || amount.Currency is not (null or "CNY") : paid)
        {
            logger.LogWarning("WeChat Pay notification for {OutTradeNo} rejected: no amount in CNY fen", outTradeNo);
            return null;
        }
        return new PaymentNotification(
            outTradeNo,
            Paid: paid,
            AmountMinorUnits: transaction.Amount?.Total,
            PaidAt: Rfc3339.ParseToUtc(transaction.SuccessTime),
            ProviderTradeNo: transaction.TransactionId);
    }

    private static string? Header(NotificationRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value)
            ? value
            : request.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static T? Deserialize<T>(string json) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, WeChatPayApiClient.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Envelope(Resource? Resource);

    private sealed record Resource(string? Algorithm, string? OriginalType, string? Ciphertext, string? Nonce, string? AssociatedData);
}
