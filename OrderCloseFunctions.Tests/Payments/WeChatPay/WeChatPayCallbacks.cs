using System.Text.Json.Nodes;
using OrderClose.Orders.Ports;
using OrderClose.Stubs.WeChatPay;

namespace OrderClose.Tests.Payments.WeChatPay;

/// <summary>A paid transaction to build callbacks of, and the stub's callbacks (<see cref="WeChatPayStubCallbacks"/>) for the test account.</summary>
internal static class WeChatPayCallbacks
{
    /// <summary>A paid transaction of the test merchant: T1, 19.99 CNY, paid 2024-05-02 00:30:05 in China; <paramref name="changes"/> set or (null) remove fields.</summary>
    public static JsonObject Transaction(params (string Field, JsonNode? Value)[] changes)
    {
        var transaction = new JsonObject
        {
            ["appid"] = WeChatPayTestAccount.AppId,
            ["mchid"] = WeChatPayTestAccount.MchId,
            ["out_trade_no"] = "T1",
            ["transaction_id"] = "4200000000202405020000000001",
            ["trade_type"] = "NATIVE",
            ["trade_state"] = "SUCCESS",
            ["trade_state_desc"] = "支付成功",
            ["success_time"] = "2024-05-02T00:30:05+08:00",
            ["payer"] = new JsonObject { ["openid"] = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
            ["amount"] = new JsonObject { ["total"] = 1999, ["payer_total"] = 1999, ["currency"] = "CNY", ["payer_currency"] = "CNY" },
        };
        foreach (var (field, value) in changes)
        {
            if (value is null)
            {
                transaction.Remove(field);
            }
            else
            {
                transaction[field] = value;
            }
        }
        return transaction;
    }

    /// <summary>The callback's body: the envelope with <paramref name="plaintext"/> encrypted under <paramref name="apiV3Key"/> (null: the test account's).</summary>
    public static string Body(string plaintext, string? apiV3Key = null) => WeChatPayStubCallbacks.Body(plaintext, apiV3Key ?? WeChatPayTestAccount.ApiV3Key);

    /// <summary>A callback signed by WeChat Pay at <paramref name="at"/>.</summary>
    public static NotificationRequest Signed(string body, DateTimeOffset at) => WeChatPayStubCallbacks.Signed(WeChatPayTestAccount.Account, body, at);
}
