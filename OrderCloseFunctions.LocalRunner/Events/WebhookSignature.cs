using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderClose.LocalRunner.Events;

/// <summary>
/// How each webhook POST is signed, so a receiver can tell it comes from this runner and was not replayed much later:
/// <c>X-OrderClose-Timestamp: {unix seconds}</c> and <c>X-OrderClose-Signature: sha256={hex}</c>, the lower-case hex
/// HMAC-SHA256, under the data folder's webhook key, of the timestamp, a dot and the body's bytes.
/// </summary>
public sealed class WebhookSignature(byte[] key)
{
    public const string SignatureHeader = "X-OrderClose-Signature";
    public const string TimestampHeader = "X-OrderClose-Timestamp";

    /// <summary>The key, as the start-up banner shows it (base64).</summary>
    public string KeyText => Convert.ToBase64String(key);

    public string Sign(DateTimeOffset at, string body, out string timestamp)
    {
        timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
    }
}
