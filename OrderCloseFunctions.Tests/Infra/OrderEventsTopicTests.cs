using System.Text.Json.Nodes;
using OrderClose.Messaging;
using OrderClose.Orders;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>The order events topic's properties agree with what the code assumes, in Azure and in the local emulator's config.</summary>
public sealed class OrderEventsTopicTests
{
    private static readonly JsonNode Topic = CompiledTemplate.Evaluate().Deployment("service-bus")
        .Resources("Microsoft.ServiceBus/namespaces/topics").Single();
    private static readonly JsonNode Properties = Topic["properties"]!;

    [Fact]
    public void The_topic_is_the_one_the_app_setting_names()
    {
        var name = Text(Topic["name"]).Split('/')[^1];

        Assert.Equal("order-events", name);
        Assert.Equal(name, CompiledTemplate.AppSettings().Setting(MessagingOptions.EventsTopicNameSetting));
    }

    [Fact]
    public void Duplicate_detection_drops_a_republish_by_the_sweep()
    {
        var window = CloseQueueTests.Duration(Properties["duplicateDetectionHistoryTimeWindow"]);
        // The sweep republishes an event unpublished for EventGrace at its next run, at most one period later.
        var republishedAfter = new SweepOptions().EventGrace + SweepPeriod(CompiledTemplate.AppSettings().Setting("SweepSchedule"));

        Assert.True((bool)Properties["requiresDuplicateDetection"]!);
        Assert.True(window >= republishedAfter, $"window {window} is shorter than a republish can come ({republishedAfter})");
        Assert.True(window <= TimeSpan.FromDays(7), "Service Bus allows a window of 7 days at most");
    }

    [Fact]
    public void The_local_emulator_has_the_same_topic_with_duplicate_detection_and_the_README_s_example_subscription()
    {
        var emulator = JsonNode.Parse(RepositoryFiles.Read("infra", "local", "servicebus-config.json"))!["UserConfig"]!["Namespaces"]![0]!;
        var topic = emulator["Topics"]!.AsArray().Single(t => Text(t!["Name"]) == Text(Topic["name"]).Split('/')[^1])!;
        var rule = topic["Subscriptions"]![0]!["Rules"]![0]!["Properties"]!;

        Assert.True((bool)topic["Properties"]!["RequiresDuplicateDetection"]!);
        Assert.Equal("Sql", Text(rule["FilterType"]));
        Assert.Equal($"sys.Label = '{OrderClose.Orders.Events.OrderEventTypes.Cancelled}'", Text(rule["SqlFilter"]!["SqlExpression"]));
        Assert.Contains(Text(rule["SqlFilter"]!["SqlExpression"]), RepositoryFiles.Read("README.md"));
    }

    /// <summary>The period of an NCRONTAB schedule that fires every N minutes (<c>0 */N * * * *</c>), the form the template uses.</summary>
    private static TimeSpan SweepPeriod(string schedule) => schedule.Split(' ') is ["0", var minutes, "*", "*", "*", "*"] && minutes.StartsWith("*/", StringComparison.Ordinal)
        ? TimeSpan.FromMinutes(int.Parse(minutes[2..], System.Globalization.CultureInfo.InvariantCulture))
        : throw new Xunit.Sdk.XunitException($"SweepSchedule '{schedule}' is not of the form '0 */N * * * *' this test reads.");
}
