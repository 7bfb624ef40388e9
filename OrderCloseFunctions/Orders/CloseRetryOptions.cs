using System.ComponentModel.DataAnnotations;

namespace OrderClose.Orders;

/// <summary>
/// How a close that keeps failing for a reason that may pass is retried. App settings <c>Orders__CloseRetry__*</c>.
/// The first <see cref="ImmediateDeliveries"/> deliveries of a message are abandoned (Service Bus redelivers at once:
/// right for a blip); after that the close is rescheduled with a growing delay, until the delays would add up to
/// more than <see cref="MaxTotal"/>; only then is it dead-lettered.
/// </summary>
public sealed class CloseRetryOptions : IValidatableObject
{
    public const string Section = "Orders:CloseRetry";

    /// <summary>Below the close queue's max delivery count (the Infra tests hold the template to it), or the queue dead-letters first.</summary>
    public const int MaxImmediateDeliveries = 9;

    [Range(1, MaxImmediateDeliveries)]
    public int ImmediateDeliveries { get; set; } = 3;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan MaxTotal { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How soon a close that found the buyer paying (e.g. entering a password) looks again. Each look is an attempt,
    /// so a buyer who never finishes is given up on like a failure that never passes.
    /// </summary>
    public TimeSpan BuyerPayingDelay { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseDelay <= TimeSpan.Zero)
        {
            yield return new ValidationResult("must be positive", [nameof(BaseDelay)]);
        }
        if (MaxDelay < BaseDelay)
        {
            yield return new ValidationResult($"must not be below {nameof(BaseDelay)}", [nameof(MaxDelay)]);
        }
        if (BuyerPayingDelay <= TimeSpan.Zero)
        {
            yield return new ValidationResult("must be positive", [nameof(BuyerPayingDelay)]);
        }
        if (MaxTotal < BaseDelay)
        {
            yield return new ValidationResult($"must not be below {nameof(BaseDelay)}", [nameof(MaxTotal)]);
        }
    }
}
