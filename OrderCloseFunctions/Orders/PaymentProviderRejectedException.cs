namespace OrderClose.Orders;

/// <summary>A payment provider refused a request for a reason that retrying will not change (bad parameters, no permission).</summary>
public sealed class PaymentProviderRejectedException : Exception
{
    public PaymentProviderRejectedException(string payType, string code, string message)
        : base($"{payType} rejected the request: {code}: {message}")
    {
        PayType = payType;
        Code = code;
    }

    public string PayType { get; }
    public string Code { get; }
}
