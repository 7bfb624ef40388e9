using System.Globalization;

namespace OrderClose.Payments.WeChatPay;

/// <summary>WeChat Pay's times: RFC 3339 with an offset, e.g. <c>2024-05-02T00:30:05+08:00</c>.</summary>
internal static class Rfc3339
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    /// <returns>The instant in UTC; null when <paramref name="text"/> is missing or not RFC 3339 with an offset.</returns>
    public static DateTimeOffset? ParseToUtc(string? text) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : null;
}
