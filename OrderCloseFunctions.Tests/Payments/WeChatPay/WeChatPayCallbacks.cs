using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.Payments.WeChatPay;

/// <summary>Payment callbacks as WeChat Pay sends them: the transaction encrypted into <c>resource</c>, the body signed.</summary>
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

    /// <summary>The callback's body: the envelope with <paramref name="plaintext"/> encrypted under <paramref name="apiV3Key"/>.</summary>
    public static string Body(string plaintext, string apiV3Key = WeChatPayTestAccount.ApiV3Key, string associatedData = "transaction", string nonce = "fdasflkja484")
    {
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(apiV3Key), 16);
        var input = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[input.Length + 16];
        aes.Encrypt(Encoding.UTF8.GetBytes(nonce), input, sealedBytes.AsSpan(0, input.Length), sealedBytes.AsSpan(input.Length), Encoding.UTF8.GetBytes(associatedData));
        return JsonSerializer.Serialize(new
        {
            id = "EV-2018022511223320873",
            create_time = "2024-05-02T00:30:06+08:00",
            resource_type = "encrypt-resource",
            event_type = "TRANSACTION.SUCCESS",
            summary = "支付成功",
            resource = new
            {
                original_type = "transaction",
                algorithm = "AEAD_AES_256_GCM",
                ciphertext = Convert.ToBase64String(sealedBytes),
                associated_data = associatedData,
                nonce,
            },
        });
    }

    /// <summary>A callback signed by WeChat Pay at <paramref name="at"/>.</summary>
    public static NotificationRequest Signed(string body, DateTimeOffset at) => new(body, WeChatPaySigning.Headers(body, at));
}
