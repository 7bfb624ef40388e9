using System.Security.Cryptography;

namespace OrderClose.Payments;

internal static class KeySettings
{
    /// <summary>
    /// Adds a failure naming <paramref name="setting"/> when <paramref name="value"/> is missing or not what
    /// <paramref name="import"/> reads. Never echoes the value: it may be a secret.
    /// </summary>
    public static void Check(List<string> failures, string setting, string value, Func<string, IDisposable> import, string expected)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{setting} is required.");
            return;
        }
        try
        {
            import(value).Dispose();
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            failures.Add($"{setting} is not {expected}.");
        }
    }
}
