using OrderClose.Orders.Ports;

namespace OrderClose.Payments;

/// <summary>The registered providers, keyed by pay type (case-insensitive, so the callback route can say <c>alipay</c>).</summary>
public sealed class PaymentProviderPicker(IEnumerable<IPaymentProvider> providers) : IPaymentProviderPicker
{
    private readonly Dictionary<string, IPaymentProvider> _byPayType =
        providers.ToDictionary(p => p.PayType, StringComparer.OrdinalIgnoreCase);

    public IPaymentProvider? Find(string payType) => _byPayType.GetValueOrDefault(payType);
}
