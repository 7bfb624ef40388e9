using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderClose.Functions;
using OrderClose.Tests.Payments.Alipay;
using OrderClose.Tests.Payments.WeChatPay;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>
/// The template's app settings are exactly what the app needs: with them (and nothing else) the app starts and every
/// function can be built, and every setting it sets is read by the app, except the Functions host's own.
/// </summary>
public sealed class AppSettingsTests
{
    /// <summary>Read by the Functions host and the platform, not by the app's code.</summary>
    private static readonly string[] HostPlatformPrefixes =
        ["AzureWebJobsStorage__", "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "FUNCTIONS_", "WEBSITE_",
         // The timer trigger's %SweepSchedule% (FunctionMetadataTests pins it).
         OrderClose.Functions.SweepOverdueOrdersFunction.ScheduleSetting];

    /// <summary>
    /// What Azure resolves at run time, each standing in for a value of the same shape: endpoints of the deployed
    /// resources, and the Key Vault references (keys made for this test run).
    /// </summary>
    private static readonly Dictionary<string, string> RuntimeValues = new()
    {
        ["ServiceBusConnection__fullyQualifiedNamespace"] = "sb-test.servicebus.windows.net",
        ["CosmosConnection__accountEndpoint"] = "https://cosmos-test.documents.azure.com:443/",
        ["Alipay__AppPrivateKey"] = TestKeys.App.PrivateKeyPem,
        ["Alipay__AlipayPublicKey"] = TestKeys.Alipay.PublicKeyPem,
        ["WeChatPay__MerchantPrivateKey"] = WeChatPayTestAccount.Merchant.PrivateKeyPem,
        ["WeChatPay__ApiV3Key"] = WeChatPayTestAccount.ApiV3Key,
        ["WeChatPay__PlatformPublicKey"] = WeChatPayTestAccount.Platform.PublicKeyPem,
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000",
        ["Payments__PublicBaseUrl"] = "https://func-test.azurewebsites.net",
    };

    [Fact]
    public void Only_values_known_at_run_time_are_stood_in_for()
    {
        var settings = CompiledTemplate.AppSettings();
        var runtime = settings.Where(s => Text(s.Value).Contains(Open)).Select(s => s.Key);

        Assert.Equal(RuntimeValues.Keys.Order(), runtime.Order());
    }

    [Fact]
    public async Task With_the_template_s_settings_the_app_starts_and_reads_each_one()
    {
        var settings = CompiledTemplate.AppSettings().ToDictionary(
            s => s.Key.Replace("__", ":", StringComparison.Ordinal),
            s => (string?)(RuntimeValues.TryGetValue(s.Key, out var value) ? value : Text(s.Value)));
        var configuration = new RecordingConfiguration(settings);

        await StartAndBuildEveryFunctionAsync(configuration);

        var unread = CompiledTemplate.AppSettings().Select(s => s.Key)
            .Where(key => !HostPlatformPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)))
            .Where(key => !configuration.Read.Contains(key.Replace("__", ":", StringComparison.Ordinal)));
        Assert.Empty(unread);
    }

    /// <summary>The composition root as the worker runs it (see OrderCloseServicesTests), over exactly these settings.</summary>
    private static async Task StartAndBuildEveryFunctionAsync(RecordingConfiguration configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.Sources.Clear();
        ((IConfigurationBuilder)builder.Configuration).Add(configuration);
        builder.Services.AddLogging();
        builder.Services.AddOrderClose(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        using var scope = host.Services.CreateScope();
        ActivatorUtilities.CreateInstance<CreateOrderFunction>(scope.ServiceProvider);
        ActivatorUtilities.CreateInstance<GetOrderFunction>(scope.ServiceProvider);
        ActivatorUtilities.CreateInstance<StartPaymentFunction>(scope.ServiceProvider);
        ActivatorUtilities.CreateInstance<PaymentNotifyFunction>(scope.ServiceProvider);
        ActivatorUtilities.CreateInstance<CloseOrderFunction>(scope.ServiceProvider);
        ActivatorUtilities.CreateInstance<SweepOverdueOrdersFunction>(scope.ServiceProvider);
        ActivatorUtilities.CreateInstance<RedriveDeadLettersFunction>(scope.ServiceProvider);
        ActivatorUtilities.CreateInstance<ListOrdersNeedingAttentionFunction>(scope.ServiceProvider);
        await host.StopAsync();
    }
}
