using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Payments.Alipay;

namespace OrderClose.Tests.Payments.Alipay;

/// <summary>A container wired as the composition root would wire it, through <see cref="AlipayRegistration.AddAlipay"/>.</summary>
internal static class AlipayServices
{
    public const string AppId = "2021000000000001";
    public const string PublicBaseUrl = "https://orderclose.example.com";

    /// <summary>What the app's clock says: 2024-05-02 00:30:00 in China.</summary>
    public static readonly DateTimeOffset Now = new(2024, 5, 1, 16, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// Valid settings with short retry delays; timeouts stay generous so a busy machine does not fail the happy paths.
    /// <paramref name="overrides"/> win (null removes).
    /// </summary>
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alipay:AppId"] = AppId,
            ["Alipay:AppPrivateKey"] = TestKeys.App.PrivateKeyPem,
            ["Alipay:AlipayPublicKey"] = TestKeys.Alipay.PublicKeyPem,
            ["Payments:PublicBaseUrl"] = PublicBaseUrl,
            ["Alipay:Resilience:AttemptTimeout:Timeout"] = "00:00:02",
            ["Alipay:Resilience:TotalRequestTimeout:Timeout"] = "00:00:10",
            ["Alipay:Resilience:Retry:MaxRetryAttempts"] = "2",
            ["Alipay:Resilience:Retry:Delay"] = "00:00:00.010",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddAlipay(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
