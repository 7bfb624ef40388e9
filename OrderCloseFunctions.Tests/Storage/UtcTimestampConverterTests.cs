using OrderClose.Contracts;

namespace OrderClose.Tests.Storage;

public sealed class UtcTimestampConverterTests
{
    [Theory]
    // Same instant, other offsets and fractions: the strings must order as the instants.
    [InlineData("2026-11-28T20:30:00+08:00", "2026-11-28T12:30:00.0000001Z")]
    [InlineData("2026-11-28T12:30:00.5Z", "2026-11-28T12:30:00.55Z")]
    [InlineData("2026-11-28T12:29:59.9999999Z", "2026-11-28T04:30:00-08:00")]
    [InlineData("0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z")]
    public void The_written_strings_order_as_the_instants(string earlier, string later)
    {
        var first = UtcTimestampConverter.Format(DateTimeOffset.Parse(earlier, System.Globalization.CultureInfo.InvariantCulture));
        var second = UtcTimestampConverter.Format(DateTimeOffset.Parse(later, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(string.CompareOrdinal(first, second) < 0, $"{first} should sort before {second}");
        Assert.Equal(first.Length, second.Length);
    }
}
