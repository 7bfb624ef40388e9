using System.ComponentModel.DataAnnotations;

namespace OrderClose.Orders;

/// <summary>How long a buyer has to pay. App settings <c>Orders__DefaultPaymentTimeout</c> etc. (TimeSpan, e.g. <c>00:30:00</c>).</summary>
public sealed class OrderOptions : IValidatableObject
{
    public const string Section = "Orders";

    public TimeSpan DefaultPaymentTimeout { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan MinPaymentTimeout { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxPaymentTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A payment is not started for an order due sooner than this: the buyer could not finish paying in time.</summary>
    public TimeSpan MinTimeToPay { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinPaymentTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("must be positive", [nameof(MinPaymentTimeout)]);
        }
        if (MaxPaymentTimeout < MinPaymentTimeout)
        {
            yield return new ValidationResult($"must not be below {nameof(MinPaymentTimeout)}", [nameof(MaxPaymentTimeout)]);
        }
        if (DefaultPaymentTimeout < MinPaymentTimeout || DefaultPaymentTimeout > MaxPaymentTimeout)
        {
            yield return new ValidationResult($"must lie between {nameof(MinPaymentTimeout)} and {nameof(MaxPaymentTimeout)}", [nameof(DefaultPaymentTimeout)]);
        }
        if (MinTimeToPay < TimeSpan.Zero || MinTimeToPay >= MinPaymentTimeout)
        {
            // Otherwise an order placed with the shortest timeout could never be paid.
            yield return new ValidationResult($"must be at least zero and below {nameof(MinPaymentTimeout)}", [nameof(MinTimeToPay)]);
        }
    }
}
