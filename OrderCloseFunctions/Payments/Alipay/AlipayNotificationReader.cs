using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Payments.Alipay;

/// <summary>
/// Reads Alipay's asynchronous notification: a UTF-8 form body signed (RSA2) over all its fields but
/// <c>sign</c> and <c>sign_type</c>, checked as the official SDKs check it (see <see cref="IsSignedByAlipay"/>). Anything not authentic, not for this app, outside the replay window (its signed
/// <c>notify_time</c> too old or too far ahead), or unreadable reads as null. Logs name the order, never buyer fields.
/// </summary>
internal sealed class AlipayNotificationReader(
    AlipaySigner signer,
    IOptions<AlipayOptions> options,
    TimeProvider clock,
    ILogger<AlipayNotificationReader> logger)
{
    private const string Currency = "CNY";

    public PaymentNotification? Read(string body)
    {
        var fields = Fields(body);
        var outTradeNo = fields.GetValueOrDefault("out_trade_no");
        if (!IsSignedByAlipay(fields))
        {
            logger.LogWarning("Alipay notification for {OutTradeNo} rejected: not signed by Alipay (RSA2)", outTradeNo);
            return null;
        }
        if (fields.GetValueOrDefault("app_id") != options.Value.AppId)
        {
            logger.LogWarning("Alipay notification for {OutTradeNo} rejected: it is for another app_id", outTradeNo);
            return null;
        }
        if (!IsFresh(fields.GetValueOrDefault("notify_time")))
        {
            logger.LogWarning("Alipay notification for {OutTradeNo} rejected: notify_time {NotifyTime} is outside the replay window",
                outTradeNo, fields.GetValueOrDefault("notify_time"));
            return null;
        }
        if (string.IsNullOrEmpty(outTradeNo))
        {
            logger.LogWarning("Alipay notification rejected: no out_trade_no");
            return null;
        }
        var amount = fields.GetValueOrDefault("total_amount");
        var minorUnits = amount is null ? null : MinorUnitsOf(amount);
        if (amount is not null && minorUnits is null)
        {
            logger.LogWarning("Alipay notification for {OutTradeNo} rejected: total_amount is not an exact {Currency} amount", outTradeNo, Currency);
            return null;
        }

        return new PaymentNotification(
            outTradeNo,
            Paid: AlipayTradeStatus.IsPaid(fields.GetValueOrDefault("trade_status")),
            AmountMinorUnits: minorUnits,
            PaidAt: ChinaTime.ParseToUtc(fields.GetValueOrDefault("gmt_payment")),
            ProviderTradeNo: fields.GetValueOrDefault("trade_no"));
    }

    /// <summary>
    /// As Node's <c>checkNotifySignV2</c>: empty values are signed as <c>k=</c>; a missing or empty <c>sign_type</c>
    /// means RSA2; the signature may leave <c>sign_type</c> out (what Alipay documents) or cover it as <c>sign_type=RSA2</c>.
    /// Unlike the SDK, only RSA2 is spoken: <c>sign_type=RSA</c> (SHA1withRSA, retired by Alipay) is refused.
    /// </summary>
    private bool IsSignedByAlipay(Dictionary<string, string> fields)
    {
        var signType = fields.GetValueOrDefault("sign_type");
        if (!string.IsNullOrEmpty(signType) && signType != AlipaySigner.SignType)
        {
            return false;
        }
        var sign = fields.GetValueOrDefault("sign");
        var signed = fields.Where(field => field.Key is not ("sign" or "sign_type")).ToList();
        return signer.Verify(AlipaySigner.NotificationString(signed), sign)
            || signer.Verify(AlipaySigner.NotificationString(signed.Append(new("sign_type", AlipaySigner.SignType))), sign);
    }

    private bool IsFresh(string? notifyTime)
    {
        var now = clock.GetUtcNow();
        return ChinaTime.ParseToUtc(notifyTime) is { } notifiedAt
            && notifiedAt >= now - options.Value.NotificationMaxAge
            && notifiedAt <= now + options.Value.NotificationClockSkew;
    }

    /// <returns>The URL-decoded fields. A repeated field reads as its values joined by commas, which no signature covers.</returns>
    private static Dictionary<string, string> Fields(string body) =>
        QueryHelpers.ParseQuery(body).ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);

    /// <returns><paramref name="amount"/> ("19.99") in minor units (1999); null unless exact and non-negative.</returns>
    private static long? MinorUnitsOf(string amount)
    {
        if (!decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var major))
        {
            return null;
        }
        var scale = (decimal)Math.Pow(10, Currencies.MinorDigitsOf(Currency));
        // Checked before multiplying: decimal multiplication throws on overflow.
        if (major > long.MaxValue / scale)
        {
            return null;
        }
        var minor = major * scale;
        return minor == decimal.Truncate(minor) ? (long)minor : null;
    }
}
