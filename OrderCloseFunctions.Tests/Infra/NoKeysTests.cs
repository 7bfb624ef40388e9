using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>No key, connection string or secret is read by the template, set as an app setting, or output.</summary>
public sealed partial class NoKeysTests
{
    [Fact]
    public void The_template_lists_no_keys_connection_strings_or_secrets()
    {
        var expressions = Strings(CompiledTemplate.Json).Where(IsExpression).ToList();

        Assert.NotEmpty(expressions);
        Assert.DoesNotContain(expressions, e => ListFunction().IsMatch(e));
    }

    [Fact]
    public void Secret_app_settings_are_key_vault_references()
    {
        var settings = CompiledTemplate.AppSettings();
        var secrets = settings.Where(s => SecretName().IsMatch(s.Key)).ToList();

        Assert.Equal(
            ["Alipay__AlipayPublicKey", "Alipay__AppPrivateKey", "WeChatPay__ApiV3Key", "WeChatPay__MerchantPrivateKey", "WeChatPay__PlatformPublicKey"],
            secrets.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.All(secrets, s => Assert.Matches(KeyVaultReference(), Text(s.Value)));
    }

    [Fact]
    public void No_app_setting_holds_a_key_or_a_connection_string()
    {
        var settings = CompiledTemplate.AppSettings();

        Assert.All(settings.Where(s => s.Key != "APPLICATIONINSIGHTS_CONNECTION_STRING"), s => Assert.DoesNotMatch(Credential(), Text(s.Value)));
        // The one connection string: Application Insights refuses key-only ingestion, so it grants nothing by itself.
        Assert.Matches(@"^⟦reference\('[^']+/Microsoft\.Insights/components/[^']+', '[^']+'\)\.ConnectionString⟧$", settings.Setting("APPLICATIONINSIGHTS_CONNECTION_STRING"));
        Assert.True((bool)CompiledTemplate.Evaluate().Deployment("monitoring").Resources("Microsoft.Insights/components").Single()["properties"]!["DisableLocalAuth"]!);
    }

    [Fact]
    public void No_output_carries_a_key_or_a_connection_string()
    {
        var main = CompiledTemplate.Evaluate();

        Assert.All(main.OutputNames, name => Assert.DoesNotMatch(Credential(), Text(main.Output(name))));
        Assert.DoesNotContain(CompiledTemplate.Json["outputs"]!.AsObject(), o => Text(o.Value!["type"]).StartsWith("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_data_service_refuses_key_authentication()
    {
        var main = CompiledTemplate.Evaluate();

        Assert.True((bool)main.Deployment("service-bus").Resources("Microsoft.ServiceBus/namespaces").Single()["properties"]!["disableLocalAuth"]!);
        Assert.True((bool)main.Deployment("cosmos").Resources("Microsoft.DocumentDB/databaseAccounts").Single()["properties"]!["disableLocalAuth"]!);
        Assert.False((bool)main.Deployment("function-app").Resources("Microsoft.Storage/storageAccounts").Single()["properties"]!["allowSharedKeyAccess"]!);
        Assert.True((bool)main.Deployment("key-vault").Resources("Microsoft.KeyVault/vaults").Single()["properties"]!["enableRbacAuthorization"]!);
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    [GeneratedRegex(@"\blist[A-Za-z]*\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListFunction();

    // A key's id (WeChatPay__PlatformPublicKeyId) names a key; it is not one.
    [GeneratedRegex("(Key(?!Id)|Secret|Password)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(SecretUri=⟦reference\('[^']+/Microsoft\.KeyVault/vaults/[^']+', '[^']+'\)\.vaultUri⟧secrets/[a-z0-9-]+/\)\z")]
    private static partial Regex KeyVaultReference();

    [GeneratedRegex(@"(connectionString|AccountKey|SharedAccessKey|InstrumentationKey|\.primaryKey|\.secondaryKey|listKeys)", RegexOptions.IgnoreCase)]
    private static partial Regex Credential();
}
