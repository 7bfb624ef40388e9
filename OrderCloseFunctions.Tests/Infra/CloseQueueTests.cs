using System.Text.Json.Nodes;
using System.Xml;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Http.Resilience;
using OrderClose.Messaging;
using OrderClose.Orders;
using static OrderClose.Tests.Infra.ArmExpression;

namespace OrderClose.Tests.Infra;

/// <summary>The close queue's properties agree with what the code and host.json assume.</summary>
public sealed class CloseQueueTests
{
    /// <summary>CloseOrder's provider calls at most: query, close, and a re-query when the gateway refuses the close.</summary>
    private const int ProviderCallsPerClose = 3;

    private static readonly JsonNode Queue = CompiledTemplate.CloseQueue();
    private static readonly JsonNode Properties = Queue["properties"]!;
    private static readonly JsonNode HostServiceBus = JsonNode.Parse(RepositoryFiles.Read("host.json"))!["extensions"]!["serviceBus"]!;

    public static TimeSpan Duration(JsonNode? iso8601) => XmlConvert.ToTimeSpan(Text(iso8601));

    [Fact]
    public void The_queue_is_the_one_the_app_setting_names()
    {
        var name = Text(Queue["name"]).Split('/')[^1];

        Assert.Equal(name, CompiledTemplate.AppSettings().Setting(MessagingOptions.QueueNameSetting));
        Assert.False((bool)Properties["requiresSession"]!);
    }

    [Fact]
    public void Duplicate_detection_covers_a_send_retry_but_never_a_later_close_of_a_retried_order()
    {
        var window = Duration(Properties["duplicateDetectionHistoryTimeWindow"]);

        Assert.True((bool)Properties["requiresDuplicateDetection"]!);
        // A CreateOrder retried after its first close fired sends the same MessageId again: it must not be dropped.
        Assert.True(window <= new OrderOptions().MinPaymentTimeout, $"window {window} exceeds the minimum payment timeout");
        // A send whose answer was lost is retried once its try times out.
        Assert.True(window >= new ServiceBusRetryOptions().TryTimeout, $"window {window} is shorter than a send try");
    }

    [Fact]
    public void A_lock_outlasts_the_close_s_provider_calls_and_the_host_renews_it_for_the_function_s_whole_run()
    {
        var lockDuration = Duration(Properties["lockDuration"]);
        var providerCalls = ProviderCallsPerClose * new HttpStandardResilienceOptions().TotalRequestTimeout.Timeout;
        var functionTimeout = TimeSpan.Parse(Text(JsonNode.Parse(RepositoryFiles.Read("host.json"))!["functionTimeout"]), System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(lockDuration, providerCalls, TimeSpan.FromMinutes(5));
        Assert.True(TimeSpan.Parse(Text(HostServiceBus["maxAutoLockRenewalDuration"]), System.Globalization.CultureInfo.InvariantCulture) >= functionTimeout);
    }

    [Fact]
    public void Messages_that_keep_failing_are_dead_lettered_after_a_bounded_number_of_deliveries()
    {
        Assert.InRange((int)Properties["maxDeliveryCount"]!, 5, 10);
        Assert.True((bool)Properties["deadLetteringOnMessageExpiration"]!);
    }

    [Fact]
    public void The_queue_delivers_more_often_than_CloseOrder_abandons_so_the_backoff_decides_when_to_dead_letter()
    {
        Assert.True((int)Properties["maxDeliveryCount"]! > OrderClose.Orders.CloseRetryOptions.MaxImmediateDeliveries);
    }

    [Fact]
    public void The_host_leaves_settlement_to_the_function()
    {
        Assert.False((bool)HostServiceBus["autoCompleteMessages"]!);
    }

    [Fact]
    public void The_dead_letter_alert_watches_this_queue()
    {
        var alert = CompiledTemplate.Evaluate().Deployment("dead-letter-alert").Resources("Microsoft.Insights/metricAlerts").Single()["properties"]!;
        var criterion = alert["criteria"]!["allOf"]![0]!;
        var namespaceId = Text(Queue["name"]).Split('/')[0];

        Assert.EndsWith($"/Microsoft.ServiceBus/namespaces/{namespaceId}", Text(alert["scopes"]![0]));
        Assert.Equal("DeadletteredMessages", Text(criterion["metricName"]));
        Assert.Equal("GreaterThan", Text(criterion["operator"]));
        Assert.Equal(0, (int)criterion["threshold"]!);
        Assert.Equal(Text(Queue["name"]).Split('/')[^1], Text(criterion["dimensions"]![0]!["values"]![0]));
    }
}
