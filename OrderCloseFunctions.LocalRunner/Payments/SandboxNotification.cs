using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrderClose.LocalRunner.Payments;

/// <summary>The sandbox's payment callback: a JSON body signed with HMAC-SHA256 under the data folder's key.</summary>
public sealed record SandboxNotification(string OutTradeNo, string TradeNo, string TradeStatus, long Amount, string Currency, DateTimeOffset PaidAt)
{
    public const string SignatureHeader = "Sandbox-Signature";
    public const string Success = "TRADE_SUCCESS";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SandboxNotification? FromJson(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<SandboxNotification>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Signs and checks sandbox notifications with the data folder's key.</summary>
public sealed class SandboxSigner(byte[] key)
{

    public string Sign(string body) => Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(body)));

    public bool IsAuthentic(string body, string? signature)
    {
        Span<byte> given = stackalloc byte[32];
        return signature is not null
            && Convert.TryFromBase64String(signature, given, out var length)
            && length == given.Length
            && CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(body)));
    }
}
