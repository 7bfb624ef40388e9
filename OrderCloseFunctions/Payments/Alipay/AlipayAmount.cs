using System.Globalization;

namespace OrderClose.Payments.Alipay;

/// <summary>Alipay's amounts: yuan with two decimals, invariant culture (e.g. <c>19.99</c>), from fen.</summary>
internal static class AlipayAmount
{
    public static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
