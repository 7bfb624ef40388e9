using System.Text.Json.Serialization;
using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Messaging;

/// <summary>
/// The body of a refund message (JSON) on the <c>order-refund</c> queue: which order's late payment to refund, and which
/// retry this is. The Service Bus MessageId carries the dedup key (<see cref="RefundSchedule.MessageId"/>).
/// </summary>
public sealed record RefundOrderMessage(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("outTradeNo")] string OutTradeNo) : IOrderMessage
{
    public const int CurrentSchemaVersion = 1;
    public const string ContentType = "application/json";
    public const string Subject = "refund-order";

    /// <summary>The retry this message is (0: the first request); left out of the body when 0.</summary>
    [JsonPropertyName("attempt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Attempt { get; init; }

    public static BinaryData BodyOf(RefundSchedule schedule) =>
        BinaryData.FromObjectAsJson(new RefundOrderMessage(CurrentSchemaVersion, schedule.OutTradeNo) { Attempt = schedule.Attempt });

    /// <summary>Reads a body; on failure <paramref name="rejection"/> says why, for the dead-letter reason.</summary>
    public static RefundOrderMessage? TryParse(BinaryData body, out CloseMessageRejection? rejection) =>
        OrderMessageBody.TryParse<RefundOrderMessage>(body, CurrentSchemaVersion, out rejection);
}
