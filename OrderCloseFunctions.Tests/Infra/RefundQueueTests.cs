using System.Text.Json.Nodes;
using OrderClose.Messaging;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>The refund queue (order-refund) is the one the app setting names, with the close queue's settings: a refund runs like a close.</summary>
public sealed class RefundQueueTests
{
    private static readonly JsonNode Queue = CompiledTemplate.RefundQueue();
    private static readonly JsonNode LocalEmulator = JsonNode.Parse(RepositoryFiles.Read("infra", "local", "servicebus-config.json"))!
        ["UserConfig"]!["Namespaces"]![0]!["Queues"]!.AsArray().Single(q => Text(q!["Name"]) == "order-refund")!["Properties"]!;

    [Fact]
    public void The_queue_is_order_refund_and_the_one_the_app_setting_and_the_sample_settings_name()
    {
        var name = Text(Queue["name"]).Split('/')[^1];

        Assert.Equal("order-refund", name);
        Assert.Equal(name, CompiledTemplate.AppSettings().Setting(MessagingOptions.RefundQueueNameSetting));
        Assert.Equal(name, Text(JsonNode.Parse(RepositoryFiles.Read("local.settings.sample.json"))!["Values"]![MessagingOptions.RefundQueueNameSetting]));
    }

    [Fact]
    public void It_has_the_close_queue_s_settings_duplicate_detection_included()
    {
        var refund = Queue["properties"]!;
        var close = CompiledTemplate.CloseQueue()["properties"]!;

        Assert.True((bool)refund["requiresDuplicateDetection"]!);
        Assert.True(JsonNode.DeepEquals(close, refund), $"refund queue {refund.ToJsonString()} differs from the close queue {close.ToJsonString()}");
    }

    [Fact]
    public void The_local_emulator_declares_it_as_bicep_does()
    {
        var properties = Queue["properties"]!;

        Assert.Equal(CloseQueueTests.Duration(properties["duplicateDetectionHistoryTimeWindow"]), CloseQueueTests.Duration(LocalEmulator["DuplicateDetectionHistoryTimeWindow"]));
        Assert.Equal(CloseQueueTests.Duration(properties["lockDuration"]), CloseQueueTests.Duration(LocalEmulator["LockDuration"]));
        Assert.Equal((int)properties["maxDeliveryCount"]!, (int)LocalEmulator["MaxDeliveryCount"]!);
        Assert.Equal((bool)properties["requiresDuplicateDetection"]!, (bool)LocalEmulator["RequiresDuplicateDetection"]!);
    }

    [Fact]
    public void RefundLatePayment_has_no_always_ready_instance_unless_asked()
    {
        var alwaysReady = CompiledTemplate.Evaluate().Deployment("function-app").Resources("Microsoft.Web/sites").Single()
            ["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!["alwaysReady"]!.AsArray();

        Assert.Equal(0, (int)alwaysReady.Single(entry => Text(entry!["name"]) == "function:RefundLatePayment")!["instanceCount"]!);
    }
}
