using System.Net;
using System.Net.Sockets;

namespace OrderClose.Functions.Http;

/// <summary>
/// The buyer's IP address a storefront passes on: an IPv4 address in dotted decimal or an IPv6 address without a zone,
/// at most 45 characters (the providers' field). <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> alone also
/// takes forms such as <c>1</c> or <c>0x7f.1</c>, which no provider reads as the buyer's address.
/// </summary>
public static class PayerClientIps
{
    public const int MaxLength = 45;

    /// <returns>The address; null when <paramref name="text"/> is null or not one, with <paramref name="error"/> saying why for the latter.</returns>
    public static IPAddress? Parse(string? text, out string? error)
    {
        error = null;
        if (text is null)
        {
            return null;
        }
        if (text.Length <= MaxLength && IPAddress.TryParse(text, out var address) && IsPlain(text, address))
        {
            return address;
        }
        error = $"An IPv4 address in dotted decimal (203.0.113.7) or an IPv6 address without a zone, at most {MaxLength} characters.";
        return null;
    }

    private static bool IsPlain(string text, IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => address.ToString() == text,
        AddressFamily.InterNetworkV6 => address.ScopeId == 0 && !text.Contains('%'),
        _ => false,
    };
}
