using System.Text.Json.Nodes;

namespace OrderClose.Tests.Infra;

/// <summary>
/// infra/main.bicep as the test build compiled it (bin/.../infra/main.json), evaluated with the parameters an
/// operator would pass. Module names here are the ones main.bicep gives its modules.
/// </summary>
internal static class CompiledTemplate
{
    public static readonly IReadOnlyDictionary<string, JsonNode?> Parameters = new Dictionary<string, JsonNode?>
    {
        ["environmentName"] = "test",
        ["location"] = "eastasia",
        ["alipayAppId"] = "2021000000000001",
        ["wechatPayMchId"] = "1900000001",
        ["wechatPayAppId"] = "wxd678efh567hg6787",
        ["wechatPayMerchantSerialNo"] = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
        ["wechatPayPlatformPublicKeyId"] = "PUB_KEY_ID_0119000000012024050200000000000001",
    };

    public static JsonObject Json { get; } = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "infra", "main.json")))!.AsObject();

    /// <param name="overrides">Parameter values that differ from <see cref="Parameters"/>.</param>
    public static TemplateScope Evaluate(IReadOnlyDictionary<string, JsonNode?>? overrides = null) =>
        new(Json, overrides is null ? Parameters : Parameters.Concat(overrides).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value));

    /// <summary>The Function App's app settings, as the template sets them.</summary>
    public static JsonObject AppSettings(IReadOnlyDictionary<string, JsonNode?>? overrides = null) => Evaluate(overrides).Deployment("function-app")
        .Resources("Microsoft.Web/sites/config").Single(c => ((string)c["name"]!).EndsWith("/appsettings", StringComparison.Ordinal))["properties"]!.AsObject();

    public static JsonObject CloseQueue() => Queue("order-close");

    public static JsonObject RefundQueue() => Queue("order-refund");

    private static JsonObject Queue(string name) => Evaluate().Deployment("service-bus")
        .Resources("Microsoft.ServiceBus/namespaces/queues").Single(queue => ArmExpression.Text(queue["name"]).Split('/')[^1] == name);

    public static string Setting(this JsonObject settings, string name) => ArmExpression.Text(settings[name]
        ?? throw new Xunit.Sdk.XunitException($"The template sets no app setting '{name}'."));
}
