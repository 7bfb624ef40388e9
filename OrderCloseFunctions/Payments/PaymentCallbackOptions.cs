namespace OrderClose.Payments;

/// <summary>
/// Where providers reach this app: app setting <c>Payments__PublicBaseUrl</c>, e.g. <c>https://func-x.azurewebsites.net</c>.
/// A provider's callback goes to the PaymentNotify route under it.
/// </summary>
public sealed class PaymentCallbackOptions
{
    public const string Section = "Payments";

    public Uri? PublicBaseUrl { get; set; }
}
