using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Payments.WeChatPay;
using OrderClose.Tests.Payments.Alipay;

namespace OrderClose.Tests.Payments.WeChatPay;

/// <summary>A container wired as the composition root would wire it, through <see cref="WeChatPayRegistration.AddWeChatPay"/>.</summary>
internal static class WeChatPayServices
{
    /// <summary>What the app's clock says: 2024-05-02 00:30:00 in China.</summary>
    public static readonly DateTimeOffset Now = new(2024, 5, 1, 16, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// Valid settings with short retry delays; timeouts stay generous so a busy machine does not fail the happy paths.
    /// <paramref name="overrides"/> win (null removes).
    /// </summary>
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?>? overrides = null, Uri? baseUrl = null)
    {
        var settings = WeChatPayTestAccount.Settings(baseUrl ?? new Uri("https://api.mch.weixin.qq.com/"));
        settings["Payments:PublicBaseUrl"] = "https://orderclose.example.com";
        settings["WeChatPay:Resilience:AttemptTimeout:Timeout"] = "00:00:02";
        settings["WeChatPay:Resilience:TotalRequestTimeout:Timeout"] = "00:00:10";
        settings["WeChatPay:Resilience:Retry:MaxRetryAttempts"] = "2";
        settings["WeChatPay:Resilience:Retry:Delay"] = "00:00:00.010";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddWeChatPay(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
