using System.Text.Json;
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
    [property: JsonPropertyName("payDeadline")] DateTimeOffset PayDeadline)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The retry this message is (0: the close scheduled with the order); left out of the body when 0.</summary>
    [JsonPropertyName("attempt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Attempt { get; init; }

    public const string ContentType = "application/json";

    public BinaryData ToBody() => BinaryData.FromObjectAsJson(this);

    /// <summary>Reads a body; on failure <paramref name="rejection"/> says why, for the dead-letter reason.</summary>
    public static CloseOrderMessage? TryParse(BinaryData body, out CloseMessageRejection? rejection)
    {
        CloseOrderMessage? message;
        try
        {
            message = body.ToObjectFromJson<CloseOrderMessage>();
        }
        catch (JsonException exception)
        {
            rejection = new CloseMessageRejection("UnreadableBody", exception.Message);
            return null;
        }

        rejection = message switch
        {
            null => new CloseMessageRejection("UnreadableBody", "The body is JSON null."),
            { SchemaVersion: not CurrentSchemaVersion } => new CloseMessageRejection(
                "UnsupportedSchemaVersion", $"Schema version {message.SchemaVersion} is not {CurrentSchemaVersion}."),
            { OutTradeNo: null or "" } => new CloseMessageRejection("UnreadableBody", "outTradeNo is missing."),
            _ when !OutTradeNumbers.IsValid(message.OutTradeNo) => new CloseMessageRejection(
                "UnreadableBody", $"outTradeNo is not an order number ({OutTradeNumbers.MaxLength} letters, digits, '_' or '-' at most)."),
            { Attempt: < 0 } => new CloseMessageRejection("UnreadableBody", $"attempt {message.Attempt} is negative."),
            _ => null,
        };
        return rejection is null ? message : null;
    }
}

/// <summary>Why a close message can never be processed: <paramref name="Reason"/> is a short code, <paramref name="Description"/> the detail.</summary>
public sealed record CloseMessageRejection(string Reason, string Description);
