using System.Text.Json;
using OrderClose.LocalRunner.CommandLine;
using OrderClose.Tools;
using OrderClose.Tools.Chaos.PayTypes;

namespace OrderClose.Tests.EndToEnd;

/// <summary>
/// chaos --pay-types SANDBOX,WECHATPAY: WECHATPAY orders go through the WeChat Pay stub (payment start, payment,
/// signed and encrypted callbacks, some lost, queries, closes, refunds), and every invariant holds for each pay type.
/// </summary>
public sealed class ChaosPayTypesTests
{
    [Fact]
    public async Task Under_every_fault_kind_both_pay_types_keep_every_promise_and_wechat_pay_orders_go_through_the_stub()
    {
        var report = await RunChaosAsync(
            "--orders", "80", "--timeout", "2s", "--concurrency", "16", "--faults", "all", "--rate", "0.05", "--seed", "42",
            "--restart-every", "1", "--late-pay-ratio", "0.5");

        var payTypes = report.GetProperty("payTypes");
        foreach (var payType in new[] { PayTypeMix.Sandbox, PayTypeMix.WeChatPay })
        {
            var block = payTypes.GetProperty(payType);
            Assert.True(block.GetProperty("violations").GetInt32() == 0, $"{payType}: {block}");
            Assert.True(block.GetProperty("finalStates").GetProperty("paid").GetInt32() > 0, $"{payType}: {block}");
            Assert.True(block.GetProperty("finalStates").GetProperty("cancelled").GetInt32() > 0, $"{payType}: {block}");
            Assert.True(block.GetProperty("lateRefunds").GetProperty("ended").GetInt32() > 0, $"{payType}: {block}");
            Assert.True(block.GetProperty("events").GetProperty("events").GetInt32() > 0, $"{payType}: {block}");
        }
        var stub = payTypes.GetProperty(PayTypeMix.WeChatPay).GetProperty("provider");
        foreach (var count in new[] { "nativeOrders", "queries", "closes", "refundRequests", "callbacksAccepted", "callbacksLost" })
        {
            Assert.True(stub.GetProperty(count).GetInt64() > 0, $"{count}: {stub}");
        }
        Assert.Equal(0, stub.GetProperty("refusedSignatures").GetInt64());
        Assert.Equal(JsonValueKind.Null, payTypes.GetProperty(PayTypeMix.Sandbox).GetProperty("provider").ValueKind);
    }

    [Fact]
    public async Task With_the_runner_a_child_process_killed_with_sigkill_wechat_pay_orders_keep_every_promise_through_the_stub()
    {
        var report = await RunChaosAsync(
            // As the other SIGKILL test: 5 s deadlines, so the drive outlasts the first restart (at 2 s) however fast the machine.
            "--orders", "16", "--timeout", "5s", "--concurrency", "4", "--kill", "process", "--restart-every", "2");

        Assert.Equal("process", report.GetProperty("kill").GetString());
        var wechatPay = report.GetProperty("payTypes").GetProperty(PayTypeMix.WeChatPay);
        Assert.True(wechatPay.GetProperty("violations").GetInt32() == 0, wechatPay.ToString());
        var stub = wechatPay.GetProperty("provider");
        Assert.True(stub.GetProperty("nativeOrders").GetInt64() > 0, stub.ToString());
        Assert.True(stub.GetProperty("queries").GetInt64() > 0, stub.ToString());
        Assert.Equal(0, stub.GetProperty("refusedSignatures").GetInt64());
    }

    /// <summary>Runs chaos over SANDBOX and WECHATPAY; asserts the run as a whole kept every promise.</summary>
    private static async Task<JsonElement> RunChaosAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await CommandLineApp.RunAsync(
            ["chaos", "--pay-types", "SANDBOX,WECHATPAY", "--paid-ratio", "0.5", "--json", "--quiet", .. args], ToolsCommand.Create, output, error);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {output}{error}");
        var report = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(0, report.GetProperty("violations").GetInt32());
        return report;
    }
}
