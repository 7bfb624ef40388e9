using OrderClose.Payments.Alipay;

namespace OrderClose.Tests.Payments.Alipay;

public sealed class ChinaTimeTests
{
    [Fact]
    public void A_china_time_reads_as_the_utc_instant()
    {
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 16, 30, 5, TimeSpan.Zero), ChinaTime.ParseToUtc("2024-05-02 00:30:05"));
    }

    [Theory]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("0001-01-01 07:59:59")]
    [InlineData("2024-02-30 00:00:00")]
    [InlineData("2024-05-02T00:30:05")]
    [InlineData(null)]
    public void A_time_that_is_no_instant_reads_as_null(string? text)
    {
        Assert.Null(ChinaTime.ParseToUtc(text));
    }
}
