using System.Text.Json;
using OrderClose.Contracts;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.Contracts;

public sealed class OrderDocumentTests
{
    [Fact]
    public void The_scheduled_close_handle_is_written_under_the_field_name_stored_documents_have()
    {
        var order = TestOrders.New() with { ScheduledCloseHandle = 4_711 };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(OrderDocument.From(order), DocumentJson.Options));

        Assert.Equal(4_711, json.RootElement.GetProperty("closeSequenceNumber").GetInt64());
        Assert.False(json.RootElement.TryGetProperty("scheduledCloseHandle", out _));
    }

    [Fact]
    public void A_document_written_before_the_rename_reads_its_scheduled_close_handle()
    {
        const string stored = """
            {"id":"T1","state":"NEW","amount":1999,"currency":"CNY","payType":"ALIPAY","subject":null,
             "createdAt":"2025-03-01T10:00:00+00:00","payDeadline":"2025-03-01T10:30:00.0000000Z",
             "refundRequired":false,"closeSequenceNumber":987,"schemaVersion":1}
            """;

        var order = JsonSerializer.Deserialize<OrderDocument>(stored, DocumentJson.Options)!.ToOrder();

        Assert.Equal(987L, order.ScheduledCloseHandle);
    }
}
