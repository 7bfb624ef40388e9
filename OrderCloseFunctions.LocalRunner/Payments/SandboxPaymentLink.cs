using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace OrderClose.LocalRunner.Payments;

/// <summary>
/// A sandbox cashier link as the sandbox's payment start hands it out: <c>/sandbox/cashier/{outTradeNo}?expiresAt=…&amp;signature=…</c>.
/// Like Alipay's signed <c>time_expire</c>, the expiry travels in the link, signed under the data folder's key, so the
/// cashier can refuse a payment at or after it and nobody can stretch it.
/// </summary>
public sealed class SandboxPaymentLink(SandboxSigner signer)
{
    public const string Route = "/sandbox/cashier/{outTradeNo}";

    public Uri Create(Uri runner, string outTradeNo, DateTimeOffset expiresAt)
    {
        var expires = expiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return new Uri(QueryHelpers.AddQueryString(new Uri(runner, $"sandbox/cashier/{outTradeNo}").AbsoluteUri,
            new Dictionary<string, string?> { ["expiresAt"] = expires, ["signature"] = signer.Sign(Signed(outTradeNo, expires)) }));
    }

    /// <returns>The expiry the link carries; null when the link was not made by this sandbox for this order.</returns>
    public DateTimeOffset? ExpiryOf(string outTradeNo, string? expiresAt, string? signature) =>
        long.TryParse(expiresAt, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
        && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
        && signer.IsAuthentic(Signed(outTradeNo, expiresAt!), signature)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;

    private static string Signed(string outTradeNo, string expiresAt) => $"cashier\n{outTradeNo}\n{expiresAt}";
}
