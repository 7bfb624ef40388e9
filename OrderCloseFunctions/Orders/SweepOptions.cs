using System.ComponentModel.DataAnnotations;

namespace OrderClose.Orders;

/// <summary>The reconciliation sweep. App settings <c>Orders__Sweep__*</c>; when it runs: <c>SweepSchedule</c>.</summary>
public sealed class SweepOptions : IValidatableObject
{
    public const string Section = "Orders:Sweep";

    /// <summary>How long past its deadline a NEW order is left to its close message before the sweep takes it.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long an order event may stay unpublished before the sweep publishes it again. Its own publish follows the
    /// transition at once; this is room for it, so that the sweep rarely sends a duplicate.
    /// </summary>
    public TimeSpan EventGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a refund may stay PENDING before the sweep sends its request again: room for the request sent with the
    /// late payment, and for its retries to begin. A resend is harmless (the provider refunds once per order), only extra work.
    /// </summary>
    public TimeSpan RefundGrace { get; set; } = TimeSpan.FromHours(1);

    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    [Range(1, 100_000)]
    public int MaxOrdersPerRun { get; set; } = 500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Grace < TimeSpan.Zero)
        {
            yield return new ValidationResult("must not be negative", [nameof(Grace)]);
        }
        if (EventGrace < TimeSpan.Zero)
        {
            yield return new ValidationResult("must not be negative", [nameof(EventGrace)]);
        }
        if (RefundGrace < TimeSpan.Zero)
        {
            yield return new ValidationResult("must not be negative", [nameof(RefundGrace)]);
        }
    }
}
