namespace OrderClose.Tools.Chaos.PayTypes;

/// <summary>
/// The pay types a chaos run spreads its orders over (<c>--pay-types</c>). Each order's type is drawn from a hash of its
/// index, so the spread is the same every run and owes nothing to the paid and late-pay patterns, which are regular
/// in the index: every type gets its share of paid, unpaid and late-paying buyers.
/// </summary>
public sealed class PayTypeMix : IEquatable<PayTypeMix>
{
    public const string Sandbox = "SANDBOX";
    public const string WeChatPay = "WECHATPAY";

    /// <summary>The pay types chaos can drive: the runner's sandbox, and WeChat Pay through its loopback stub.</summary>
    public static readonly IReadOnlyList<string> Known = [Sandbox, WeChatPay];

    public static readonly PayTypeMix Default = new([Sandbox]);

    private PayTypeMix(IReadOnlyList<string> types) => Types = types;

    /// <summary>In the order given, each once.</summary>
    public IReadOnlyList<string> Types { get; }

    public bool Has(string payType) => Types.Contains(payType);

    public string Of(int index) => Types.Count == 1 ? Types[0] : Types[(int)(Mix((ulong)index) % (ulong)Types.Count)];

    /// <summary>Pay types separated by commas, any case: <c>SANDBOX,WECHATPAY</c>.</summary>
    public static PayTypeMix Parse(string text)
    {
        var types = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(type => type.ToUpperInvariant()).Distinct().ToList();
        var known = $"--pay-types takes some of {string.Join(',', Known)}";
        if (types.Count == 0)
        {
            throw new ArgumentException($"{known}.");
        }
        if (types.FirstOrDefault(type => !Known.Contains(type)) is { } unknown)
        {
            throw new ArgumentException($"{known}, not {unknown}.");
        }
        return new PayTypeMix(types);
    }

    public override string ToString() => string.Join(',', Types);

    public bool Equals(PayTypeMix? other) => other is not null && Types.SequenceEqual(other.Types);

    public override bool Equals(object? obj) => Equals(obj as PayTypeMix);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>SplitMix64's finaliser: neighbouring indices land far apart.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
