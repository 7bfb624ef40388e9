using System.Text.Json;
using OrderClose.Messaging;

namespace OrderClose.Tests.Messaging;

public sealed class CloseOrderMessageTests
{
    [Fact]
    public void The_body_is_camel_case_json_with_schema_version_order_number_and_deadline()
    {
        var deadline = new DateTimeOffset(2026, 11, 28, 12, 30, 0, TimeSpan.Zero);
        var json = JsonDocument.Parse(new CloseOrderMessage(1, "T1001", deadline).ToBody().ToString()).RootElement;

        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("T1001", json.GetProperty("outTradeNo").GetString());
        Assert.Equal(deadline, json.GetProperty("payDeadline").GetDateTimeOffset());
    }

    [Fact]
    public void A_written_message_reads_back()
    {
        var message = new CloseOrderMessage(1, "T1001", DateTimeOffset.UnixEpoch);

        Assert.Equal(message, CloseOrderMessage.TryParse(message.ToBody(), out var rejection));
        Assert.Null(rejection);
    }

    [Fact]
    public void The_first_attempt_leaves_the_attempt_out_so_the_body_stays_the_original_contract()
    {
        var json = JsonDocument.Parse(new CloseOrderMessage(1, "T1001", DateTimeOffset.UnixEpoch).ToBody().ToString()).RootElement;

        Assert.False(json.TryGetProperty("attempt", out _));
    }

    [Fact]
    public void A_retry_carries_its_attempt_and_reads_back()
    {
        var message = new CloseOrderMessage(1, "T1001", DateTimeOffset.UnixEpoch) { Attempt = 4 };

        Assert.Equal(4, JsonDocument.Parse(message.ToBody().ToString()).RootElement.GetProperty("attempt").GetInt32());
        Assert.Equal(message, CloseOrderMessage.TryParse(message.ToBody(), out _));
    }

    [Theory]
    [InlineData("""{"schemaVersion":1,"outTradeNo":"T1","payDeadline":"2026-11-28T12:00:00Z","attempt":-1}""", "UnreadableBody")]
    [InlineData("not json", "UnreadableBody")]
    [InlineData("""{"schemaVersion":1,"outTradeNo":"../T1","payDeadline":"2026-11-28T12:00:00Z"}""", "UnreadableBody")]
    [InlineData("null", "UnreadableBody")]
    [InlineData("[1,2]", "UnreadableBody")]
    [InlineData("""{"schemaVersion":1,"payDeadline":"2026-11-28T12:00:00Z"}""", "UnreadableBody")]
    [InlineData("""{"schemaVersion":1,"outTradeNo":"","payDeadline":"2026-11-28T12:00:00Z"}""", "UnreadableBody")]
    [InlineData("""{"schemaVersion":2,"outTradeNo":"T1","payDeadline":"2026-11-28T12:00:00Z"}""", "UnsupportedSchemaVersion")]
    [InlineData("""{"outTradeNo":"T1","payDeadline":"2026-11-28T12:00:00Z"}""", "UnsupportedSchemaVersion")]
    public void An_unusable_body_is_rejected_with_a_reason(string body, string reason)
    {
        Assert.Null(CloseOrderMessage.TryParse(BinaryData.FromString(body), out var rejection));
        Assert.Equal(reason, rejection!.Reason);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Description));
    }
}
