using Azure.Messaging.ServiceBus;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Azure.Functions.Worker;
using NSubstitute;
using OrderClose.Messaging;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Properties;

/// <summary>Whatever a close message carries, it is read or rejected with a reason, and CloseOrder settles it without throwing.</summary>
public sealed class CloseMessageProperties
{
    private static readonly Dictionary<string, Gen<string>> Fields = new()
    {
        ["schemaVersion"] = Jsonish.Numbers("1", "1", "2", "0", "-1", "1.0", "\"1\"", "2147483648"),
        ["outTradeNo"] = Jsonish.Strings("T0000", "T0001", "T404", "", "../T0000", "T#1", "T?x", new string('T', 65), "T0000\n", new string('T', 64) + "\n", null),
        ["payDeadline"] = Jsonish.Strings("2026-11-28T12:01:00Z", "2026-11-28T20:01:00+08:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-13-01T00:00:00Z", "yesterday", null),
        ["attempt"] = Jsonish.Numbers("0", "1", "15", "16", "-1", "2147483647", "1e10"),
    };

    [Property(MaxTest = 500)]
    public Property Any_bytes_are_read_as_a_message_or_rejected_with_a_reason(byte[] bytes) =>
        Parses(BinaryData.FromBytes(bytes ?? []));

    [Property(MaxTest = 500)]
    public Property Any_json_ish_body_is_read_as_a_message_or_rejected_with_a_reason() =>
        Prop.ForAll(Jsonish.Body(Fields).ToArbitrary(), body => Parses(BinaryData.FromString(body)));

    [Property(MaxTest = 300)]
    public Property CloseOrder_settles_any_body_once_completing_or_dead_lettering_with_a_reason_and_never_throws() =>
        Prop.ForAll(Jsonish.Body(Fields).ToArbitrary(), body =>
        {
            using var pipeline = new ClosePipeline();
            Task.Run(() => pipeline.PlaceOrdersAsync(2)).GetAwaiter().GetResult();
            pipeline.Clock.Advance(TimeSpan.FromMinutes(1.5));
            var message = ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString(body), messageId: "m", deliveryCount: 1);
            var actions = Substitute.For<ServiceBusMessageActions>();

            Task.Run(() => pipeline.Function.RunAsync(message, actions, CancellationToken.None)).GetAwaiter().GetResult();

            var settlement = actions.ReceivedCalls().Single();
            var name = settlement.GetMethodInfo().Name;
            return (name == nameof(ServiceBusMessageActions.CompleteMessageAsync)
                    || (name == nameof(ServiceBusMessageActions.DeadLetterMessageAsync) && !string.IsNullOrEmpty((string?)settlement.GetArguments()[2])))
                .Label($"{name} {string.Join(", ", settlement.GetArguments().Skip(2).Take(2))}");
        });

    private static Property Parses(BinaryData body)
    {
        var message = CloseOrderMessage.TryParse(body, out var rejection);
        return (message is not null
                ? rejection is null && message.SchemaVersion == CloseOrderMessage.CurrentSchemaVersion && message.Attempt >= 0
                  && WellFormed.OrderNumber(message.OutTradeNo)
                : rejection is { Reason.Length: > 0, Description.Length: > 0 })
            .Label($"{message} / {rejection}");
    }
}
