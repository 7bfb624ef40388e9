using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrderClose.Tests.Support;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>
/// Every data-plane access of the app has its role assignment, for the app's identity, on the very resource the app
/// setting points at. The app has no keys, so a missing assignment is a 403 in production, not at deployment.
/// </summary>
public sealed partial class RoleAssignmentTests
{
    private static readonly TemplateScope Main = CompiledTemplate.Evaluate();
    private static readonly JsonObject Settings = CompiledTemplate.AppSettings();
    private static readonly string AppPrincipal = Text(Main.Deployment("function-app").Output("principalId"));

    private static IEnumerable<(string Scope, string Role)> AppAssignments() => Main.Deployment("role-assignments")
        .Resources("Microsoft.Authorization/roleAssignments")
        .Where(assignment => Text(assignment["properties"]!["principalId"]) == AppPrincipal)
        .Select(assignment => (Text(assignment["scope"]), Text(assignment["properties"]!["roleDefinitionId"])));

    [Fact]
    public void The_app_identity_is_the_function_app_system_identity()
    {
        Assert.Contains("Microsoft.Web/sites/func-", AppPrincipal);
        Assert.EndsWith(".identity.principalId" + Close, AppPrincipal);
    }

    [Fact]
    public void Every_queue_a_function_is_triggered_by_is_one_the_app_owns_so_target_based_scaling_can_count_its_due_messages()
    {
        // The scale controller reads the queue's runtime properties (Manage); with Listen only it peeks from the
        // head of the queue, where scheduled closes sit, and a cold app would not wake for due ones.
        var namespaceName = Text(Main.Deployment("service-bus").Output("namespaceName"));
        var queues = GeneratedFunctionMetadata.TriggeredBy("serviceBusTrigger")
            .Select(t => Settings.Setting(t.Trigger.GetProperty("queueName").GetString()!.Trim('%')))
            .Select(queue => ResourceId("Microsoft.ServiceBus/namespaces/queues", namespaceName, queue))
            .ToList();

        Assert.Contains(ResourceId("Microsoft.ServiceBus/namespaces/queues", namespaceName, Settings.Setting("CloseQueueName")), queues);
        Assert.Contains(ResourceId("Microsoft.ServiceBus/namespaces/queues", namespaceName, Settings.Setting("RefundQueueName")), queues);
        Assert.All(queues, queue => Assert.Contains((queue, BuiltInRoles.Id(BuiltInRoles.ServiceBusDataOwner)), AppAssignments()));
    }

    [Theory]
    [InlineData("CloseQueueName")]
    [InlineData("RefundQueueName")]
    public void The_app_can_send_to_the_close_and_refund_queues_in_the_namespace_its_connection_names(string queueSetting)
    {
        var namespaceName = Text(Main.Deployment("service-bus").Output("namespaceName"));
        var queue = ResourceId("Microsoft.ServiceBus/namespaces/queues", namespaceName, Settings.Setting(queueSetting));
        string[] sendingRoles = [BuiltInRoles.Id(BuiltInRoles.ServiceBusDataSender), BuiltInRoles.Id(BuiltInRoles.ServiceBusDataOwner)];

        Assert.Contains(ResourceId("Microsoft.ServiceBus/namespaces", namespaceName), Settings.Setting("ServiceBusConnection__fullyQualifiedNamespace"));
        Assert.Contains(AppAssignments(), a => a.Scope == queue && sendingRoles.Contains(a.Role));
    }

    [Fact]
    public void No_service_bus_role_of_the_app_reaches_beyond_one_entity()
    {
        var serviceBusScopes = AppAssignments().Select(a => a.Scope).Where(scope => scope.Contains("/Microsoft.ServiceBus/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(serviceBusScopes);
        Assert.All(serviceBusScopes, scope => Assert.Matches(@"/Microsoft\.ServiceBus/namespaces/[^/]+/(queues|topics)/[^/]+$", scope));
    }

    [Fact]
    public void The_app_may_send_to_the_events_topic_it_publishes_to_and_not_read_it()
    {
        var namespaceName = Text(Main.Deployment("service-bus").Output("namespaceName"));
        var topic = ResourceId("Microsoft.ServiceBus/namespaces/topics", namespaceName, Settings.Setting("OrderEventsTopicName"));

        Assert.Equal([BuiltInRoles.Id(BuiltInRoles.ServiceBusDataSender)], AppAssignments().Where(a => a.Scope == topic).Select(a => a.Role));
    }

    [Fact]
    public void The_app_owns_the_blobs_of_its_host_storage_which_also_holds_its_deployment_package()
    {
        var account = ResourceId("Microsoft.Storage/storageAccounts", Settings.Setting("AzureWebJobsStorage__accountName"));
        var deployment = Main.Deployment("function-app").Resources("Microsoft.Web/sites").Single()
            ["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Contains(account, Text(deployment["value"]));
        Assert.Equal("SystemAssignedIdentity", Text(deployment["authentication"]!["type"]));
        Assert.Contains((account, BuiltInRoles.Id(BuiltInRoles.StorageBlobDataOwner)), AppAssignments());
    }

    [Fact]
    public void The_host_may_write_its_diagnostic_events_to_the_tables_of_its_host_storage()
    {
        var account = ResourceId("Microsoft.Storage/storageAccounts", Settings.Setting("AzureWebJobsStorage__accountName"));

        Assert.Contains((account, BuiltInRoles.Id(BuiltInRoles.StorageTableDataContributor)), AppAssignments());
    }

    [Fact]
    public void The_app_can_read_the_secrets_of_the_vault_its_key_vault_references_name()
    {
        var vaults = Settings.Select(setting => Text(setting.Value))
            .Where(value => value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal))
            .Select(value => VaultId().Match(value).Value)
            .Distinct()
            .ToList();

        var vault = Assert.Single(vaults);
        Assert.Contains((vault, BuiltInRoles.Id(BuiltInRoles.KeyVaultSecretsUser)), AppAssignments());
    }

    [Fact]
    public void The_app_may_publish_telemetry_to_the_component_it_reports_to()
    {
        var component = ComponentId().Match(Settings.Setting("APPLICATIONINSIGHTS_CONNECTION_STRING")).Value;

        Assert.Equal("Authorization=AAD", Settings.Setting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));
        Assert.Contains((component, BuiltInRoles.Id(BuiltInRoles.MonitoringMetricsPublisher)), AppAssignments());
    }

    [Fact]
    public void The_app_is_a_data_contributor_on_the_cosmos_account_it_connects_to()
    {
        var accountName = Text(Main.Deployment("cosmos").Output("accountName"));
        var account = ResourceId("Microsoft.DocumentDB/databaseAccounts", accountName);
        var assignments = Main.Deployment("role-assignments").Resources("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments")
            .Select(a => a["properties"]!)
            .Where(p => Text(p["principalId"]) == AppPrincipal);

        Assert.Contains(account, Settings.Setting("CosmosConnection__accountEndpoint"));
        Assert.Contains(assignments, p => Text(p["scope"]) == account
            && Text(p["roleDefinitionId"]) == ResourceId("Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions", accountName, BuiltInRoles.CosmosDataContributor));
    }

    [GeneratedRegex(@"/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.KeyVault/vaults/[a-z0-9-]+")]
    private static partial Regex VaultId();

    [GeneratedRegex(@"/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.Insights/components/[a-z0-9-]+")]
    private static partial Regex ComponentId();
}
