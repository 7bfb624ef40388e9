using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrderClose.Orders.Ports;

namespace OrderClose.Stubs.WeChatPay;

/// <summary>Payment callbacks as WeChat Pay sends them: the transaction encrypted into <c>resource</c>, the body signed.</summary>
public static class WeChatPayStubCallbacks
{
    private const string AssociatedData = "transaction";
    private const string NonceAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The callback's body: the envelope with <paramref name="plaintext"/> encrypted (AEAD_AES_256_GCM, a fresh 12-character nonce) under <paramref name="apiV3Key"/>.</summary>
    public static string Body(string plaintext, string apiV3Key)
    {
        var nonce = RandomNumberGenerator.GetString(NonceAlphabet, 12);
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(apiV3Key), 16);
        var input = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[input.Length + 16];
        aes.Encrypt(Encoding.UTF8.GetBytes(nonce), input, sealedBytes.AsSpan(0, input.Length), sealedBytes.AsSpan(input.Length), Encoding.UTF8.GetBytes(AssociatedData));
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
                associated_data = AssociatedData,
                nonce,
            },
        });
    }

    /// <summary>The callback of <paramref name="transactionJson"/>, encrypted with the account's APIv3 key and signed by WeChat Pay at <paramref name="at"/>.</summary>
    public static NotificationRequest Of(WeChatPayStubAccount account, string transactionJson, DateTimeOffset at) =>
        Signed(account, Body(transactionJson, account.ApiV3Key), at);

    /// <summary>A callback of <paramref name="body"/> signed by WeChat Pay at <paramref name="at"/>.</summary>
    public static NotificationRequest Signed(WeChatPayStubAccount account, string body, DateTimeOffset at) =>
        new(body, WeChatPayStubSigning.Headers(account, body, at));
}
