using System.Data.Common;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>
/// infra/local (the emulators for Core Tools) agrees with the Bicep queue and with local.settings.sample.json.
/// Nothing here runs a container: the files are parsed and compared.
/// </summary>
public sealed class LocalStackTests
{
    private static readonly JsonNode SampleValues = JsonNode.Parse(RepositoryFiles.Read("local.settings.sample.json"))!["Values"]!;
    private static readonly JsonNode EmulatorNamespace = JsonNode.Parse(RepositoryFiles.Read("infra", "local", "servicebus-config.json"))!["UserConfig"]!["Namespaces"]![0]!;

    [Fact]
    public void The_emulator_declares_the_close_queue_with_the_bicep_queue_s_properties()
    {
        var bicep = CompiledTemplate.CloseQueue();
        var emulator = EmulatorNamespace["Queues"]!.AsArray().Single(q => Text(q!["Name"]) == Text(SampleValues["CloseQueueName"]))!["Properties"]!;
        var properties = bicep["properties"]!;

        Assert.Equal(Text(bicep["name"]).Split('/')[^1], Text(SampleValues["CloseQueueName"]));
        Assert.Equal((bool)properties["requiresDuplicateDetection"]!, (bool)emulator["RequiresDuplicateDetection"]!);
        Assert.Equal(CloseQueueTests.Duration(properties["duplicateDetectionHistoryTimeWindow"]), CloseQueueTests.Duration(emulator["DuplicateDetectionHistoryTimeWindow"]));
        Assert.Equal(CloseQueueTests.Duration(properties["lockDuration"]), CloseQueueTests.Duration(emulator["LockDuration"]));
        Assert.Equal((int)properties["maxDeliveryCount"]!, (int)emulator["MaxDeliveryCount"]!);
        Assert.Equal((bool)properties["deadLetteringOnMessageExpiration"]!, (bool)emulator["DeadLetteringOnMessageExpiration"]!);
        Assert.Equal((bool)properties["requiresSession"]!, (bool)emulator["RequiresSession"]!);
    }

    [Fact]
    public void The_emulator_config_uses_the_one_namespace_the_emulator_accepts()
    {
        Assert.Equal("sbemulatorns", Text(EmulatorNamespace["Name"]));
    }

    [Fact]
    public void The_service_bus_emulator_runs_on_the_port_the_sample_connects_to_with_its_config_and_sql()
    {
        var compose = Compose();
        var emulator = Service(compose, "mcr.microsoft.com/azure-messaging/servicebus-emulator");
        var connection = new DbConnectionStringBuilder { ConnectionString = Text(SampleValues["ServiceBusConnection"]) };
        var environment = Map(emulator, "environment");
        var sql = Scalar(environment, "SQL_SERVER");

        Assert.Equal("sb://localhost", connection["Endpoint"]);
        Assert.Equal("true", connection["UseDevelopmentEmulator"]);
        Assert.Contains("5672:5672", Ports(emulator));
        Assert.Contains("./servicebus-config.json:/ServiceBus_Emulator/ConfigFiles/Config.json", Sequence(emulator, "volumes"));
        Assert.Equal("Y", Scalar(environment, "ACCEPT_EULA"));
        Assert.Contains(sql, Sequence(emulator, "depends_on"));
        var sqlEnvironment = Map((YamlMappingNode)Map(compose, "services").Children[new YamlScalarNode(sql)], "environment");
        Assert.Equal(Scalar(environment, "MSSQL_SA_PASSWORD"), Scalar(sqlEnvironment, "MSSQL_SA_PASSWORD"));
        Assert.Equal("Y", Scalar(sqlEnvironment, "ACCEPT_EULA"));
    }

    [Fact]
    public void The_cosmos_emulator_serves_the_endpoint_the_sample_connects_to()
    {
        var cosmos = Service(Compose(), "mcr.microsoft.com/cosmosdb/linux/azure-cosmos-emulator");
        var endpoint = new Uri((string)new DbConnectionStringBuilder { ConnectionString = Text(SampleValues["CosmosConnection"]) }["AccountEndpoint"]);

        Assert.True(endpoint.IsLoopback);
        Assert.Contains($"{endpoint.Port}:8081", Ports(cosmos));
    }

    [Fact]
    public void Azurite_serves_the_development_storage_the_sample_uses()
    {
        var azurite = Service(Compose(), "mcr.microsoft.com/azure-storage/azurite");

        Assert.Equal("UseDevelopmentStorage=true", Text(SampleValues["AzureWebJobsStorage"]));
        Assert.Subset(Ports(azurite).ToHashSet(), new HashSet<string> { "10000:10000", "10001:10001", "10002:10002" });
    }

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(RepositoryFiles.Read("infra", "local", "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlMappingNode Service(YamlMappingNode compose, string image) => Map(compose, "services").Children.Values
        .Cast<YamlMappingNode>()
        .Single(service => Scalar(service, "image").Split(':')[0] == image);

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();

    private static List<string> Ports(YamlMappingNode service) => Sequence(service, "ports");

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;
}
