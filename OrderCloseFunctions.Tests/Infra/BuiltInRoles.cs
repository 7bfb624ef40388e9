namespace OrderClose.Tests.Infra;

/// <summary>Azure built-in role definition ids (the same in every tenant), written out independently of the Bicep.</summary>
internal static class BuiltInRoles
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string ServiceBusDataSender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    public const string ServiceBusDataOwner = "090c5cfd-751d-490a-894a-3ce6f1109419";
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    /// <summary>Cosmos DB's own data-plane role "Cosmos DB Built-in Data Contributor".</summary>
    public const string CosmosDataContributor = "00000000-0000-0000-0000-000000000002";

    public static string Id(string role) => $"/subscriptions/{ArmExpression.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{role}";
}
