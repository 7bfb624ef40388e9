using OrderClose.LocalRunner.CommandLine;

namespace OrderClose.Tests.CommandLine;

public sealed class AppSettingArgumentsTests
{
    [Fact]
    public void A_setting_as_key_value_or_key_equals_value_reads_the_same_and_flags_are_left_alone()
    {
        var (settings, others, error) = AppSettingArguments.Split(
            ["--Orders:MinPaymentTimeout", "00:00:05", "--urls", "http://x", "--Logging:LogLevel:Default=Error", "--in-memory"]);

        Assert.Null(error);
        Assert.Equal(["--Orders:MinPaymentTimeout=00:00:05", "--Logging:LogLevel:Default=Error"], settings);
        Assert.Equal(["--urls", "http://x", "--in-memory"], others);
    }

    [Fact]
    public void A_value_with_an_equals_sign_or_a_colon_is_kept_whole()
    {
        var (settings, _, _) = AppSettingArguments.Split(["--Cosmos:Connection", "AccountEndpoint=https://h:8081/;AccountKey=a2V5=="]);

        Assert.Equal(["--Cosmos:Connection=AccountEndpoint=https://h:8081/;AccountKey=a2V5=="], settings);
    }

    [Theory]
    [InlineData("--Orders:MinPaymentTimeout")]
    [InlineData("--Orders:MinPaymentTimeout", "--in-memory")]
    public void A_setting_without_a_value_is_an_error_that_names_it(params string[] args)
    {
        var (_, _, error) = AppSettingArguments.Split(args);

        Assert.Contains("--Orders:MinPaymentTimeout needs a value", error);
    }
}
