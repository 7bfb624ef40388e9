using System.ComponentModel.DataAnnotations;

namespace OrderClose.Orders;

/// <summary>
/// How long a buyer has to pay (app settings <c>Orders__DefaultPaymentTimeout</c> etc., TimeSpan, e.g. <c>00:30:00</c>), and
/// what becomes of a payment after the cancel (<c>Orders__LatePayments</c>).
/// </summary>
public sealed class OrderOptions : IValidatableObject
{
    public const string Section = "Orders";

    public TimeSpan DefaultPaymentTimeout { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan MinPaymentTimeout { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxPaymentTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A payment is not started for an order due sooner than this: the buyer could not finish paying in time.</summary>
    public TimeSpan MinTimeToPay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A payment that arrives after its order was cancelled is refunded at the provider (default), or left to a person.</summary>
    public LatePaymentPolicy LatePayments { get; set; } = LatePaymentPolicy.Refund;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(LatePayments))
        {
            yield return new ValidationResult($"must be {string.Join(" or ", Enum.GetNames<LatePaymentPolicy>())}", [nameof(LatePayments)]);
        }
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
