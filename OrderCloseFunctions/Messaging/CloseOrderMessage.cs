using System.Text.Json.Serialization;
using OrderClose.Orders;

namespace OrderClose.Messaging;

/// <summary>
/// The body of a close message (JSON). The Service Bus MessageId carries the dedup key; the body says which
/// order to close and by when it had to be paid.
/// </summary>
public sealed record CloseOrderMessage(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("outTradeNo")] string OutTradeNo,
    [property: JsonPropertyName("payDeadline")] DateTimeOffset PayDeadline) : IOrderMessage
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The retry this message is (0: the close scheduled with the order); left out of the body when 0.</summary>
    [JsonPropertyName("attempt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Attempt { get; init; }

    public const string ContentType = "application/json";

    public BinaryData ToBody() => BinaryData.FromObjectAsJson(this);

    /// <summary>Reads a body; on failure <paramref name="rejection"/> says why, for the dead-letter reason.</summary>
    public static CloseOrderMessage? TryParse(BinaryData body, out CloseMessageRejection? rejection) =>
        OrderMessageBody.TryParse<CloseOrderMessage>(body, CurrentSchemaVersion, out rejection);
}

/// <summary>Why a close message can never be processed: <paramref name="Reason"/> is a short code, <paramref name="Description"/> the detail.</summary>
public sealed record CloseMessageRejection(string Reason, string Description);
