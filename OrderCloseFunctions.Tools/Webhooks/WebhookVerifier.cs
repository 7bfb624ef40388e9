using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderClose.Tools.Webhooks;

/// <summary>
/// Checks a webhook POST as a consumer does, by the recipe in docs/webhook.md (not with the runner's signing code):
/// <c>X-OrderClose-Signature</c> must be <c>sha256=</c> and the lower-case hex HMAC-SHA256, under the key, of the
/// <c>X-OrderClose-Timestamp</c> value, a dot and the raw body, compared in constant time; and the timestamp must be
/// within <see cref="Freshness"/> of now, so an old POST replayed is refused.
/// </summary>
public sealed class WebhookVerifier(byte[] key, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);

    public bool Authentic(WebhookPost post) => Authentic(post.Timestamp, post.Signature, post.RawBody);

    public bool Authentic(string? timestamp, string? signature, byte[] rawBody)
    {
        if (timestamp is null || signature is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - seconds) >= Freshness.TotalSeconds)
        {
            return false;
        }
        byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp + "."), .. rawBody];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, signed));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(signature));
    }
}
