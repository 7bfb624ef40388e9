using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>
/// The azd hooks that make a one-shot <c>azd up</c> safe: postprovision stops while the vault lacks a secret the app
/// references (the app would crash-loop on its options validation), and says how to set each; postdeploy restarts
/// the app so its Key Vault references resolve. The scripts run against a stub <c>az</c>.
/// </summary>
public sealed partial class DeployHookTests : IDisposable
{
    private const string Vault = "kv-test";

    private static readonly TemplateScope Main = CompiledTemplate.Evaluate();
    private static readonly YamlMappingNode AzureYaml = LoadAzureYaml();

    private readonly HookScript hooks = new();

    /// <summary>The secrets the app's Key Vault references name, read from the template's app settings.</summary>
    private static IReadOnlyList<string> ReferencedSecrets() => CompiledTemplate.AppSettings()
        .Select(setting => SecretReference().Match(Text(setting.Value)))
        .Where(match => match.Success)
        .Select(match => match.Groups["name"].Value)
        .Order()
        .ToList();

    private static Dictionary<string, string> Provisioned(IEnumerable<string> secretsInVault, string? listError = null) => new()
    {
        ["AZURE_KEY_VAULT_NAME"] = Vault,
        ["KEY_VAULT_SECRET_NAMES"] = Text(Main.Output("KEY_VAULT_SECRET_NAMES")),
        ["STUB_SECRETS"] = string.Join(' ', secretsInVault),
        ["STUB_LIST_ERROR"] = listError ?? "",
    };

    [Fact]
    public void The_template_outputs_exactly_the_secrets_the_app_s_key_vault_references_name()
    {
        var output = Text(Main.Output("KEY_VAULT_SECRET_NAMES")).Split(' ', StringSplitOptions.RemoveEmptyEntries).Order();

        Assert.NotEmpty(ReferencedSecrets());
        Assert.Equal(ReferencedSecrets(), output);
    }

    [Fact]
    public async Task Postprovision_stops_while_a_secret_is_missing_and_prints_the_command_that_sets_it()
    {
        var secrets = ReferencedSecrets();
        var (present, missing) = (secrets[0], secrets.Skip(1).ToList());

        var (exitCode, output) = await hooks.RunAsync("postprovision.sh", Provisioned([present, "unrelated-secret"]));

        Assert.NotEqual(0, exitCode);
        Assert.Equal([$"keyvault secret list --vault-name {Vault} --query [].name --output tsv"], hooks.AzCalls);
        Assert.All(missing, name => Assert.Contains($"az keyvault secret set --vault-name {Vault} --name {name} --file ", output));
        Assert.DoesNotContain($"--name {present} ", output);
    }

    [Fact]
    public async Task Postprovision_stops_with_every_command_when_the_vault_is_empty()
    {
        var (exitCode, output) = await hooks.RunAsync("postprovision.sh", Provisioned([]));

        Assert.NotEqual(0, exitCode);
        Assert.Equal(ReferencedSecrets(), SetCommand().Matches(output).Select(m => m.Groups["name"].Value).Order());
    }

    [Fact]
    public async Task Postprovision_passes_when_every_secret_is_there()
    {
        var (exitCode, output) = await hooks.RunAsync("postprovision.sh", Provisioned(ReferencedSecrets()));

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("az keyvault secret set", output);
    }

    [Fact]
    public async Task Postprovision_stops_and_says_why_when_it_cannot_list_the_vault()
    {
        var (exitCode, output) = await hooks.RunAsync("postprovision.sh", Provisioned(ReferencedSecrets(), listError: "(Forbidden) Caller is not authorized"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("(Forbidden) Caller is not authorized", output);
        Assert.Contains("az login", output);
    }

    [Fact]
    public async Task Postprovision_stops_when_run_outside_azd()
    {
        var (exitCode, output) = await hooks.RunAsync("postprovision.sh", new Dictionary<string, string>());

        Assert.NotEqual(0, exitCode);
        Assert.Contains("AZURE_KEY_VAULT_NAME", output);
        Assert.Empty(hooks.AzCalls);
    }

    [Fact]
    public async Task Postdeploy_restarts_the_deployed_app()
    {
        var app = Text(Main.Output("AZURE_FUNCTION_APP_NAME"));

        var (exitCode, output) = await hooks.RunAsync("postdeploy.sh", new Dictionary<string, string>
        {
            ["AZURE_RESOURCE_GROUP"] = ResourceGroup,
            ["AZURE_FUNCTION_APP_NAME"] = app,
        });

        Assert.True(exitCode == 0, output);
        Assert.Equal([$"functionapp restart --resource-group {ResourceGroup} --name {app}"], hooks.AzCalls);
    }

    [Theory]
    [InlineData("postprovision", "postprovision.sh")]
    [InlineData("postdeploy", "postdeploy.sh")]
    public void Azure_yaml_runs_each_hook_with_sh_and_stops_when_it_fails(string hook, string script)
    {
        var entry = (YamlMappingNode)((YamlMappingNode)AzureYaml["hooks"])[hook];

        Assert.Equal("sh", entry["shell"].ToString());
        Assert.Equal($"./infra/hooks/{script}", entry["run"].ToString());
        Assert.Equal("false", entry["continueOnError"].ToString());
    }

    [Theory]
    [InlineData("postprovision.sh")]
    [InlineData("postdeploy.sh")]
    public void A_hook_reads_only_template_outputs_and_azd_s_own_variables(string script)
    {
        string[] azd = ["AZURE_RESOURCE_GROUP"];
        var read = EnvironmentRead().Matches(RepositoryFiles.Read("infra", "hooks", script)).Select(m => m.Groups["name"].Value).Distinct();

        Assert.All(read, name => Assert.True(Main.OutputNames.Contains(name) || azd.Contains(name), $"{script} reads {name}, which neither the template outputs nor azd sets"));
    }

    [Fact]
    public void The_readme_s_deploy_steps_name_the_hooks_and_set_exactly_the_template_s_secrets()
    {
        var deploy = Regex.Match(RepositoryFiles.Read("README.md"), @"\n## Deploy\n(?<body>.*?)\n## ", RegexOptions.Singleline).Groups["body"].Value;
        var set = Regex.Matches(deploy, @"az keyvault secret set --vault-name \S+ (-n|--name) (?<name>[a-z0-9-]+)").Select(m => m.Groups["name"].Value).Distinct().Order();

        Assert.Contains("infra/hooks/postprovision.sh", deploy);
        Assert.Contains("infra/hooks/postdeploy.sh", deploy);
        Assert.Equal(ReferencedSecrets(), set);
    }

    public void Dispose() => hooks.Dispose();

    private static YamlMappingNode LoadAzureYaml()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(RepositoryFiles.Read("azure.yaml")));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(SecretUri=.*secrets/(?<name>[a-z0-9-]+)/\)$")]
    private static partial Regex SecretReference();

    [GeneratedRegex(@"az keyvault secret set --vault-name \S+ --name (?<name>[a-z0-9-]+) --file ")]
    private static partial Regex SetCommand();

    [GeneratedRegex(@"\$\{(?<name>[A-Z][A-Z0-9_]*)")]
    private static partial Regex EnvironmentRead();
}
