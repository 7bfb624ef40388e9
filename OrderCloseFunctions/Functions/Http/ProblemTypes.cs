using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace OrderClose.Functions.Http;

/// <summary>
/// Every problem the app answers with (README, "Problem types"; openapi.yaml). A new kind is one more field here,
/// or a class of the same shape elsewhere (the local runner's <c>SandboxProblems</c>) listed through <see cref="In"/>.
/// </summary>
public static class ProblemTypes
{
    public static readonly ProblemType Validation = new("validation", StatusCodes.Status400BadRequest, "The request is not valid.");
    public static readonly ProblemType MalformedJson = new("malformed-json", StatusCodes.Status400BadRequest, "The body is not the JSON expected.");
    public static readonly ProblemType BodyNotUtf8 = new("body-not-utf8", StatusCodes.Status400BadRequest, "The body is not UTF-8.");
    public static readonly ProblemType BodyUnreadable = new("body-unreadable", StatusCodes.Status400BadRequest, "The body could not be read.");
    public static readonly ProblemType UnsupportedMediaType = new("unsupported-media-type", StatusCodes.Status415UnsupportedMediaType, "The body must be JSON.");
    public static readonly ProblemType BodyTooLarge = new("body-too-large", StatusCodes.Status413PayloadTooLarge, "The body is too large.");
    public static readonly ProblemType OrderNotFound = new("order-not-found", StatusCodes.Status404NotFound, "No such order.");
    public static readonly ProblemType OrderNumberTaken = new("order-number-taken", StatusCodes.Status409Conflict, "The order number is taken.");
    public static readonly ProblemType UnknownProvider = new("unknown-provider", StatusCodes.Status404NotFound, "Unknown payment provider.");
    public static readonly ProblemType OrderNotPayable = new("order-not-payable", StatusCodes.Status409Conflict, "The order cannot be paid.");
    public static readonly ProblemType TooLateToPay = new("too-late-to-pay", StatusCodes.Status409Conflict, "Too late to pay.");
    public static readonly ProblemType PayTypeNotServed = new("pay-type-not-served", StatusCodes.Status409Conflict, "The order cannot be paid here.");
    public static readonly ProblemType PaymentRefused = new("payment-refused", StatusCodes.Status502BadGateway, "The payment provider refused to start the payment.");
    public static readonly ProblemType Unavailable = new("unavailable", StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable; retry later.");

    public static IReadOnlyList<ProblemType> All { get; } = In(typeof(ProblemTypes));

    /// <summary>The problem types declared as public static fields of <paramref name="holder"/>.</summary>
    public static IReadOnlyList<ProblemType> In(Type holder) =>
    [
        .. holder.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(ProblemType))
            .Select(field => (ProblemType)field.GetValue(null)!),
    ];
}
