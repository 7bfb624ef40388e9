using System.Text.Json;
using OrderClose.Orders;

namespace OrderClose.Messaging;

/// <summary>What every message about one order carries in its JSON body: the schema version, the order, and which retry it is.</summary>
public interface IOrderMessage
{
    int SchemaVersion { get; }
    string OutTradeNo { get; }
    int Attempt { get; }
}

/// <summary>Reads the body of a message about one order, or says why it cannot be processed, for the dead-letter reason.</summary>
internal static class OrderMessageBody
{
    public static T? TryParse<T>(BinaryData body, int currentSchemaVersion, out CloseMessageRejection? rejection) where T : class, IOrderMessage
    {
        T? message;
        try
        {
            message = body.ToObjectFromJson<T>();
        }
        catch (JsonException exception)
        {
            rejection = new CloseMessageRejection("UnreadableBody", exception.Message);
            return null;
        }

        rejection = message switch
        {
            null => new CloseMessageRejection("UnreadableBody", "The body is JSON null."),
            _ when message.SchemaVersion != currentSchemaVersion => new CloseMessageRejection(
                "UnsupportedSchemaVersion", $"Schema version {message.SchemaVersion} is not {currentSchemaVersion}."),
            { OutTradeNo: null or "" } => new CloseMessageRejection("UnreadableBody", "outTradeNo is missing."),
            _ when !OutTradeNumbers.IsValid(message.OutTradeNo) => new CloseMessageRejection(
                "UnreadableBody", $"outTradeNo is not an order number ({OutTradeNumbers.MaxLength} letters, digits, '_' or '-' at most)."),
            { Attempt: < 0 } => new CloseMessageRejection("UnreadableBody", $"attempt {message.Attempt} is negative."),
            _ => null,
        };
        return rejection is null ? message : null;
    }
}
