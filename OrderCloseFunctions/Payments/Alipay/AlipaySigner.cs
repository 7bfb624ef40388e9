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
    /// Alipay's string to sign: parameters sorted by key (ordinal), without <paramref name="excluded"/> keys and
    /// empty values, joined as raw (not URL-encoded) <c>k=v</c> with <c>&amp;</c>.
    /// </summary>
    public static string CanonicalString(IEnumerable<KeyValuePair<string, string>> parameters, params string[] excluded) =>
        string.Join('&', parameters
            .Where(p => !string.IsNullOrEmpty(p.Value) && !excluded.Contains(p.Key, StringComparer.Ordinal))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    public string Sign(string content) => RsaSha256.Sign(signingKey, content);

    public bool Verify(string content, string? signature) => RsaSha256.Verify(verifyingKey, content, signature);

    public void Dispose()
    {
        signingKey.Dispose();
        verifyingKey.Dispose();
    }
}
