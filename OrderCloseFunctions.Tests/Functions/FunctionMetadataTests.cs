using System.Text.Json;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Functions;

/// <summary>
/// Reads the functions.metadata the Worker SDK generated at build time (what the Functions host indexes)
/// and checks each function's bindings, so a changed attribute cannot silently change a route, an auth
/// level or the queue the close listens on.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly IReadOnlyDictionary<string, JsonElement> Functions = GeneratedFunctionMetadata.Functions;

    [Fact]
    public void The_app_declares_exactly_its_functions()
    {
        Assert.Equal(["CloseOrder", "CreateOrder", "GetOrder", "ListOrdersNeedingAttention", "PaymentNotify", "RedriveDeadLetters", "RefundLatePayment", "StartPayment", "SweepOverdueOrders"], Functions.Keys.Order());
    }

    [Fact]
    public void SweepOverdueOrders_is_a_timer_on_the_configured_schedule_that_does_not_run_at_start_up()
    {
        var trigger = Assert.Single(Bindings("SweepOverdueOrders"));
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%SweepSchedule%", trigger.GetProperty("schedule").GetString());
        Assert.False(trigger.TryGetProperty("runOnStartup", out var runOnStartup) && runOnStartup.GetBoolean());
    }

    [Theory]
    [InlineData("CloseOrder", "%CloseQueueName%")]
    [InlineData("RefundLatePayment", "%RefundQueueName%")]
    public void Queue_functions_are_service_bus_triggers_on_their_configured_queue_without_autocomplete(string function, string queueName)
    {
        var trigger = Assert.Single(Bindings(function));
        Assert.Equal("serviceBusTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("In", trigger.GetProperty("direction").GetString());
        Assert.Equal(queueName, trigger.GetProperty("queueName").GetString());
        Assert.Equal("ServiceBusConnection", trigger.GetProperty("connection").GetString());
        Assert.False(trigger.GetProperty("autoCompleteMessages").GetBoolean());
        Assert.Equal("One", trigger.GetProperty("cardinality").GetString());
        Assert.Equal("True", trigger.GetProperty("properties").GetProperty("supportsDeferredBinding").GetString());
    }

    [Theory]
    [InlineData("CreateOrder", "post", "orders", "Function")]
    [InlineData("GetOrder", "get", "orders/{outTradeNo}", "Function")]
    [InlineData("StartPayment", "post", "orders/{outTradeNo}/payment", "Function")]
    [InlineData("PaymentNotify", "post", "payments/{provider}/notify", "Anonymous")]
    [InlineData("RedriveDeadLetters", "post", "ops/close-queue/dead-letters/redrive", "Admin")]
    [InlineData("ListOrdersNeedingAttention", "get", "ops/orders", "Admin")]
    public void Http_functions_have_their_method_route_and_auth_level(string name, string method, string route, string authLevel)
    {
        var trigger = Assert.Single(Bindings(name), b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
        Assert.Single(Bindings(name), b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "Out");
    }

    private static IEnumerable<JsonElement> Bindings(string function) => GeneratedFunctionMetadata.Bindings(function);
}
