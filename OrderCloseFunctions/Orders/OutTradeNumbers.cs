using System.Text.RegularExpressions;

namespace OrderClose.Orders;

/// <summary>
/// What an order number may look like: what payment providers accept (Alipay: 64 characters of letters,
/// digits and underscores) and what a Cosmos id and a URL segment carry without escaping.
/// </summary>
public static partial class OutTradeNumbers
{
    public const int MaxLength = 64;

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    // \z, not $: in .NET, $ also matches before a final "\n", which would let "T1\n" through.
    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex Pattern();
}
