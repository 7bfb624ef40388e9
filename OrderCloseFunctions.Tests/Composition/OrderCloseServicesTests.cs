using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderClose.Functions;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Payments.Alipay;
using OrderClose.Tests.Payments.WeChatPay;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Composition;

/// <summary>
/// The composition root as the worker runs it: the host starts only with valid settings, and every function
/// class can be built from what it registers. Nothing here connects anywhere (the SDK clients connect lazily).
/// </summary>
public sealed class OrderCloseServicesTests
{
    private static Dictionary<string, string?> ValidSettings() => new()
    {
        ["ServiceBusConnection"] = "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;",
        ["CloseQueueName"] = "order-close",
        ["RefundQueueName"] = "order-refund",
        ["OrderEventsTopicName"] = "order-events",
        ["CosmosConnection"] = "AccountEndpoint=https://127.0.0.1:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
        ["Alipay:AppId"] = "2021000000000001",
        ["Alipay:AppPrivateKey"] = TestKeys.App.PrivateKeyPem,
        ["Alipay:AlipayPublicKey"] = TestKeys.Alipay.PublicKeyPem,
        ["Payments:PublicBaseUrl"] = "https://orderclose.example.com",
    };

    [Fact]
    public async Task With_valid_settings_the_host_starts_and_every_function_can_be_built()
    {
        using var host = Build(ValidSettings());

        await host.StartAsync();
        using var scope = host.Services.CreateScope();
        Assert.NotNull(ActivatorUtilities.CreateInstance<CreateOrderFunction>(scope.ServiceProvider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<GetOrderFunction>(scope.ServiceProvider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<StartPaymentFunction>(scope.ServiceProvider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<PaymentNotifyFunction>(scope.ServiceProvider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<CloseOrderFunction>(scope.ServiceProvider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<SweepOverdueOrdersFunction>(scope.ServiceProvider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<RedriveDeadLettersFunction>(scope.ServiceProvider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<ListOrdersNeedingAttentionFunction>(scope.ServiceProvider));
        await host.StopAsync();
    }

    [Fact]
    public async Task With_an_application_insights_connection_string_the_host_starts_exporting_metrics()
    {
        var settings = ValidSettings();
        settings[Telemetry.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/";
        using var host = Build(settings);

        await host.StartAsync();

        Assert.NotNull(host.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        await host.StopAsync();
    }

    [Fact]
    public async Task Provider_calls_are_measured_and_the_host_traces_the_apps_own_and_the_azure_sdks_spans()
    {
        using var host = Build(ValidSettings());

        await host.StartAsync();
        using var scope = host.Services.CreateScope();
        Assert.IsType<OrderClose.Payments.MeasuredPaymentProvider>(scope.ServiceProvider.GetRequiredService<IPaymentProviderPicker>().Find("ALIPAY"));
        Assert.NotNull(host.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.True(AppContext.TryGetSwitch(Telemetry.AzureSdkActivitySwitch, out var enabled) && enabled);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("ALIPAY", true, false)]
    [InlineData("WECHATPAY", false, true)]
    [InlineData("both", true, true)]
    [InlineData("none", false, false)]
    public async Task Only_providers_with_settings_are_present_and_an_absent_one_s_orders_are_refused(string enabled, bool alipay, bool wechatPay)
    {
        var settings = ValidSettings();
        if (!alipay)
        {
            settings.Remove("Alipay:AppId");
            settings.Remove("Alipay:AppPrivateKey");
            settings.Remove("Alipay:AlipayPublicKey");
        }
        if (wechatPay)
        {
            foreach (var (key, value) in WeChatPayTestAccount.Settings(new Uri("https://api.mch.weixin.qq.com/")))
            {
                settings[key] = value;
            }
        }
        using var host = Build(settings);

        await host.StartAsync();
        using var scope = host.Services.CreateScope();
        var providers = scope.ServiceProvider.GetRequiredService<IPaymentProviderPicker>();
        Assert.Equal((enabled, alipay, wechatPay), (enabled, providers.Find("ALIPAY") is not null, providers.Find("WECHATPAY") is not null));
        var validator = scope.ServiceProvider.GetRequiredService<CreateOrderValidator>();
        foreach (var (payType, present) in new[] { ("ALIPAY", alipay), ("WECHATPAY", wechatPay) })
        {
            validator.Validate(new CreateOrderRequest("T1", 1999, "CNY", payType, null, 600), out var errors);
            Assert.Equal((payType, !present), (payType, errors.ContainsKey("payType")));
        }
        await host.StopAsync();
    }

    [Theory]
    [InlineData("WeChatPay:ApiV3Key", "short", "ApiV3Key")]
    [InlineData("WeChatPay:PlatformPublicKey", null, "PlatformPublicKey")]
    [InlineData("WeChatPay:Resilience:Retry:MaxRetryAttempts", "-1", "MaxRetryAttempts")]
    public async Task A_provider_with_some_settings_is_on_and_the_start_names_what_it_lacks(string key, string? value, string named)
    {
        var settings = ValidSettings();
        foreach (var (setting, account) in WeChatPayTestAccount.Settings(new Uri("https://api.mch.weixin.qq.com/")))
        {
            settings[setting] = account;
        }
        settings[key] = value;
        using var host = Build(settings);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, failure.Message);
    }

    [Theory]
    [InlineData("CloseQueueName", null, "CloseQueueName")]
    [InlineData("OrderEventsTopicName", null, "OrderEventsTopicName")]
    [InlineData("RefundQueueName", null, "RefundQueueName")]
    [InlineData("RefundQueueName", "order-refund\n", "RefundQueueName")]
    [InlineData("Orders:Sweep:EventGrace", "-00:00:01", "EventGrace")]
    [InlineData("CloseQueueName", "order-close\n", "CloseQueueName")]
    [InlineData("Orders:MinPaymentTimeout", "00:00:00", "MinPaymentTimeout")]
    [InlineData("Orders:DefaultPaymentTimeout", "30.00:00:00", "DefaultPaymentTimeout")]
    [InlineData("Cosmos:DatabaseName", "", "DatabaseName")]
    [InlineData("Alipay:AppId", null, "AppId")]
    [InlineData("Alipay:AppPrivateKey", "not a key", "AppPrivateKey")]
    [InlineData("Alipay:Resilience:Retry:MaxRetryAttempts", "-1", "MaxRetryAttempts")]
    [InlineData("Orders:CloseRetry:MaxDelay", "00:00:01", "MaxDelay")]
    [InlineData("Orders:MinTimeToPay", "00:05:00", "MinTimeToPay")]
    [InlineData("Orders:LatePayments", "7", "LatePayments")]
    [InlineData("Payments:PublicBaseUrl", null, "Payments:PublicBaseUrl")]
    [InlineData("Payments:PublicBaseUrl", "http://orderclose.example.com", "Payments:PublicBaseUrl")]
    [InlineData("Payments:PublicBaseUrl", "/api", "Payments:PublicBaseUrl")]
    public async Task A_bad_setting_stops_the_start_with_a_message_naming_it(string key, string? value, string named)
    {
        var settings = ValidSettings();
        settings[key] = value;
        using var host = Build(settings);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, failure.Message);
    }

    [Fact]
    public async Task A_late_payment_policy_that_is_neither_Refund_nor_Manual_stops_the_start_naming_it()
    {
        var settings = ValidSettings();
        settings["Orders:LatePayments"] = "Sometimes";
        using var host = Build(settings);

        var failure = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("Orders:LatePayments", failure.Message);
    }

    [Theory]
    [InlineData(null, LatePaymentPolicy.Refund)]
    [InlineData("Manual", LatePaymentPolicy.Manual)]
    [InlineData("Refund", LatePaymentPolicy.Refund)]
    public void Late_payments_are_refunded_unless_set_to_Manual(string? value, LatePaymentPolicy expected)
    {
        var settings = ValidSettings();
        settings["Orders:LatePayments"] = value;
        using var host = Build(settings);

        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<OrderOptions>>().Value.LatePayments);
    }

    [Theory]
    [InlineData("ServiceBusConnection")]
    [InlineData("CosmosConnection")]
    public void A_missing_connection_fails_naming_both_ways_to_set_it(string connection)
    {
        var settings = ValidSettings();
        settings[connection] = null;

        var failure = Assert.ThrowsAny<InvalidOperationException>(() =>
        {
            using var host = Build(settings);
            host.Services.GetRequiredService<ICloseScheduler>();
            host.Services.GetRequiredService<IOrderStore>();
        });

        Assert.Contains(connection, failure.Message);
    }

    [Fact]
    public void With_identity_based_connections_the_Cosmos_and_Service_Bus_clients_share_one_DefaultAzureCredential()
    {
        using var host = Build(IdentityBasedSettings());

        var credential = Assert.Single(host.Services.GetServices<TokenCredential>());
        Assert.IsType<DefaultAzureCredential>(credential);
        Assert.Same(credential, host.Services.GetRequiredService<TokenCredential>());
        Assert.True(ObjectGraph.Holds(host.Services.GetRequiredService<CosmosClient>(), credential), "the Cosmos client holds another credential");
        Assert.True(ObjectGraph.Holds(host.Services.GetRequiredService<ServiceBusClient>(), credential), "the Service Bus client holds another credential");
    }

    [Fact]
    public void A_credential_registered_before_the_app_is_the_one_both_clients_authenticate_with()
    {
        var credential = DelegatedTokenCredential.Create((_, _) => new AccessToken("test-token", DateTimeOffset.UtcNow.AddHours(1)));

        using var host = Build(IdentityBasedSettings(), services => services.AddSingleton(credential));

        Assert.Same(credential, Assert.Single(host.Services.GetServices<TokenCredential>()));
        Assert.True(ObjectGraph.Holds(host.Services.GetRequiredService<CosmosClient>(), credential), "the Cosmos client holds another credential");
        Assert.True(ObjectGraph.Holds(host.Services.GetRequiredService<ServiceBusClient>(), credential), "the Service Bus client holds another credential");
    }

    [Fact]
    public void With_connection_strings_no_credential_is_built()
    {
        var built = 0;
        using var host = Build(ValidSettings(), services => services.AddSingleton<TokenCredential>(_ =>
        {
            built++;
            return DelegatedTokenCredential.Create((_, _) => default);
        }));

        host.Services.GetRequiredService<CosmosClient>();
        host.Services.GetRequiredService<ServiceBusClient>();

        Assert.Equal(0, built);
    }

    /// <summary>The settings as the template sets them in Azure: endpoints, no keys.</summary>
    private static Dictionary<string, string?> IdentityBasedSettings()
    {
        var settings = ValidSettings();
        settings.Remove("ServiceBusConnection");
        settings.Remove("CosmosConnection");
        settings["ServiceBusConnection:fullyQualifiedNamespace"] = "orderclose-test.servicebus.windows.net";
        settings["CosmosConnection:accountEndpoint"] = "https://orderclose-test.documents.azure.com:443/";
        return settings;
    }

    private static IHost Build(Dictionary<string, string?> settings, Action<IServiceCollection>? registerFirst = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        registerFirst?.Invoke(builder.Services);
        builder.Services.AddLogging();
        builder.Services.AddOrderClose(builder.Configuration);
        builder.Services.AddOrderCloseTelemetry(builder.Configuration);
        return builder.Build();
    }
}
