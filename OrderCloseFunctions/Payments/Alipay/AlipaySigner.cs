using System.Security.Cryptography;

namespace OrderClose.Payments.Alipay;

/// <summary>
/// Alipay's RSA2 signature (<see cref="RsaSha256"/>). Signs with one party's private
/// key and verifies with the other party's public key. Owns both keys; RSA sign and verify are safe to share across threads.
/// </summary>
internal sealed class AlipaySigner(RSA signingKey, RSA verifyingKey) : IDisposable
{
    public const string SignType = "RSA2";

    /// <summary>
    /// What an app signs in a request: parameters sorted by key (ordinal), without <paramref name="excluded"/> keys and
    /// empty values, joined as raw (not URL-decoded or -encoded) <c>k=v</c> with <c>&amp;</c>.
    /// </summary>
    public static string RequestString(IEnumerable<KeyValuePair<string, string>> parameters, params string[] excluded) =>
        Joined(parameters.Where(p => !string.IsNullOrEmpty(p.Value) && !excluded.Contains(p.Key, StringComparer.Ordinal)));

    /// <summary>
    /// What Alipay signs in a notification, as the official SDKs check it (Node <c>checkNotifySignV2</c>, Java
    /// <c>getSignCheckContentV1</c>): like <see cref="RequestString"/>, but an empty value stays in as <c>k=</c>.
    /// A field without a name is no field.
    /// </summary>
    public static string NotificationString(IEnumerable<KeyValuePair<string, string>> fields, params string[] excluded) =>
        Joined(fields.Where(p => p.Key.Length > 0 && !excluded.Contains(p.Key, StringComparer.Ordinal)));

    private static string Joined(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    public string Sign(string content) => RsaSha256.Sign(signingKey, content);

    public bool Verify(string content, string? signature) => RsaSha256.Verify(verifyingKey, content, signature);

    public void Dispose()
    {
        signingKey.Dispose();
        verifyingKey.Dispose();
    }
}
