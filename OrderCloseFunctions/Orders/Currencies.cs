namespace OrderClose.Orders;

/// <summary>The ISO 4217 currencies the app accepts, with the number of digits of their minor unit.</summary>
public static class Currencies
{
    private static readonly Dictionary<string, int> MinorDigits = new(StringComparer.Ordinal)
    {
        ["AUD"] = 2, ["CAD"] = 2, ["CHF"] = 2, ["CNY"] = 2, ["EUR"] = 2, ["GBP"] = 2,
        ["HKD"] = 2, ["JPY"] = 0, ["KRW"] = 0, ["SGD"] = 2, ["USD"] = 2,
    };

    public static bool IsKnown(string code) => MinorDigits.ContainsKey(code);

    public static int MinorDigitsOf(string code) => MinorDigits.TryGetValue(code, out var digits)
        ? digits
        : throw new ArgumentException($"Unknown currency '{code}'.", nameof(code));
}
