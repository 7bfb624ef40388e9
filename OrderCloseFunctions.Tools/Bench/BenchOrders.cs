using System.Globalization;

namespace OrderClose.Tools.Bench;

/// <summary>The bench's order numbers say whether the buyer is meant to pay, so counting decorators can tell without a lookup table.</summary>
public sealed class BenchOrders(string run, double paidRatio)
{
    private const string PaidSuffix = "-P";

    /// <summary>Spreads the paid orders evenly: order <paramref name="index"/> is paid when the running share of paid orders goes up by one.</summary>
    public bool IsPaid(int index) => Math.Floor((index + 1) * paidRatio) > Math.Floor(index * paidRatio);

    public string Number(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"B{run}-{index}{(IsPaid(index) ? PaidSuffix : "-U")}");

    public static bool IsPaidNumber(string outTradeNo) => outTradeNo.EndsWith(PaidSuffix, StringComparison.Ordinal);
}
