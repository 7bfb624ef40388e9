using System.Globalization;

namespace OrderClose.Payments.WeChatPay;

/// <summary>WeChat Pay's times: RFC 3339 with an offset, e.g. <c>2024-05-02T00:30:05+08:00</c>.</summary>
internal static class Rfc3339
{
    // China Standard Time is UTC+8 all year; WeChat Pay writes its times in it.
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    /// <summary>To the second, rounded down: WeChat Pay then stops a payment no later than <paramref name="instant"/>.</summary>
    public static string FormatChinaTime(DateTimeOffset instant) =>
        instant.ToOffset(ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <returns>The instant in UTC; null when <paramref name="text"/> is missing or not RFC 3339 with an offset.</returns>
    public static DateTimeOffset? ParseToUtc(string? text) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : null;
}
