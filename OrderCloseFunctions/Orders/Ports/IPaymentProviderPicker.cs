namespace OrderClose.Orders.Ports;

/// <summary>Picks the provider for an order's <c>payType</c>.</summary>
public interface IPaymentProviderPicker
{
    IPaymentProvider? Find(string payType);
}
