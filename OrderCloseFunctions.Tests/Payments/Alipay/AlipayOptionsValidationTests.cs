using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrderClose.Tests.Payments.Alipay;

public sealed class AlipayOptionsValidationTests
{
    [Fact]
    public void Valid_settings_start()
    {
        using var services = AlipayServices.Build();

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData("Alipay:AppId", null)]
    [InlineData("Alipay:AppId", " ")]
    [InlineData("Alipay:AppPrivateKey", null)]
    [InlineData("Alipay:AppPrivateKey", "not-a-key")]
    [InlineData("Alipay:AppPrivateKey", "bm90IGEga2V5")]
    [InlineData("Alipay:AlipayPublicKey", "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----")]
    [InlineData("Alipay:GatewayUrl", "http://openapi.alipay.com/gateway.do")]
    [InlineData("Alipay:GatewayUrl", "/gateway.do")]
    [InlineData("Alipay:NotificationMaxAge", "00:00:00")]
    [InlineData("Alipay:NotificationClockSkew", "-00:01:00")]
    public void A_missing_or_unreadable_setting_stops_the_start_naming_it(string setting, string? value)
    {
        using var services = AlipayServices.Build(new Dictionary<string, string?> { [setting] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(setting, Assert.Single(failure.Failures));
    }

    [Theory]
    [InlineData("Alipay:AppPrivateKey")]
    [InlineData("Alipay:AlipayPublicKey")]
    public void A_key_of_the_wrong_kind_is_refused_without_echoing_it(string setting)
    {
        var wrongKind = setting == "Alipay:AppPrivateKey" ? TestKeys.App.PublicKeyPem : TestKeys.Alipay.PrivateKeyPem;
        using var services = AlipayServices.Build(new Dictionary<string, string?> { [setting] = wrongKind });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        var message = Assert.Single(failure.Failures);
        Assert.Contains(setting, message);
        Assert.DoesNotContain(wrongKind.Split('\n')[1], message);
    }
}
