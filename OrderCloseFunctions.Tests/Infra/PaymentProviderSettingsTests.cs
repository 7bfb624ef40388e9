using System.Text.Json.Nodes;

namespace OrderClose.Tests.Infra;

/// <summary>A deployment enables Alipay, WeChat Pay or both: a provider whose id parameter is empty gets no setting, so the app leaves it out.</summary>
public sealed class PaymentProviderSettingsTests
{
    [Theory]
    [InlineData("", "1900000001", false, true)]
    [InlineData("2021000000000001", "", true, false)]
    [InlineData("2021000000000001", "1900000001", true, true)]
    [InlineData("", "", false, false)]
    public void Each_provider_gets_its_settings_only_when_its_id_is_given(string alipayAppId, string wechatPayMchId, bool alipay, bool wechatPay)
    {
        var settings = CompiledTemplate.AppSettings(new Dictionary<string, JsonNode?>
        {
            ["alipayAppId"] = alipayAppId,
            ["wechatPayMchId"] = wechatPayMchId,
        });

        Assert.Equal(alipay ? 4 : 0, settings.Count(s => s.Key.StartsWith("Alipay__", StringComparison.Ordinal)));
        Assert.Equal(wechatPay ? 8 : 0, settings.Count(s => s.Key.StartsWith("WeChatPay__", StringComparison.Ordinal)));
        Assert.Contains("CloseQueueName", settings.Select(s => s.Key));
    }
}
