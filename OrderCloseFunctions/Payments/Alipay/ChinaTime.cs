using System.Globalization;

namespace OrderClose.Payments.Alipay;

/// <summary>Alipay's wall-clock times: <c>yyyy-MM-dd HH:mm:ss</c> in China Standard Time.</summary>
internal static class ChinaTime
{
    // China Standard Time is UTC+8 all year (no daylight saving), so a fixed offset needs no time-zone database.
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);
    private const string Pattern = "yyyy-MM-dd HH:mm:ss";

    public static string Format(DateTimeOffset instant) => instant.ToOffset(Offset).ToString(Pattern, CultureInfo.InvariantCulture);

    /// <returns>The instant in UTC; null when <paramref name="text"/> is missing, not in Alipay's format, or before year 1 in UTC.</returns>
    public static DateTimeOffset? ParseToUtc(string? text) =>
        DateTime.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
        && local - DateTime.MinValue >= Offset
            ? new DateTimeOffset(local, Offset).ToUniversalTime()
            : null;
}
