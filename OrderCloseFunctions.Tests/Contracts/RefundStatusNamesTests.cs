using System.Text.Json;
using OrderClose.Contracts;
using OrderClose.Functions.Http;
using OrderClose.Orders;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.Contracts;

public sealed class RefundStatusNamesTests
{
    [Theory]
    [InlineData(RefundStatus.Pending, "PENDING")]
    [InlineData(RefundStatus.Succeeded, "SUCCEEDED")]
    [InlineData(RefundStatus.Failed, "FAILED")]
    [InlineData(RefundStatus.Manual, "MANUAL")]
    public void Every_status_has_one_name_that_reads_back(RefundStatus status, string name)
    {
        Assert.Equal(name, RefundStatusNames.Name(status));
        Assert.Equal(status, RefundStatusNames.Parse(name));
    }

    [Fact]
    public void The_four_agreed_names_are_all_there_are() =>
        Assert.Equal(["FAILED", "MANUAL", "PENDING", "SUCCEEDED"], RefundStatusNames.All.Order(StringComparer.Ordinal));

    [Fact]
    public void No_status_is_left_without_a_name() =>
        Assert.All(Enum.GetValues<RefundStatus>(), status => Assert.False(string.IsNullOrEmpty(RefundStatusNames.Name(status))));

    [Fact]
    public void An_unknown_stored_name_is_refused() =>
        Assert.Throws<InvalidDataException>(() => RefundStatusNames.Parse("pending"));

    [Fact]
    public void The_refund_is_stored_as_refund_in_camelCase_and_reads_back()
    {
        var order = TestOrders.Cancelled().RecordLatePayment(TestOrders.PaidAt, LatePaymentPolicy.Refund)
            .CompleteRefund("RF7", TestOrders.PaidAt.AddSeconds(3));

        var json = JsonSerializer.Serialize(OrderDocument.From(order), DocumentJson.Options);
        using var document = JsonDocument.Parse(json);

        var refund = document.RootElement.GetProperty("refund");
        Assert.Equal(
            ["status", "amount", "requestedAt", "completedAt", "providerRefundNo"],
            refund.EnumerateObject().Select(property => property.Name));
        Assert.Equal("SUCCEEDED", refund.GetProperty("status").GetString());
        Assert.Equal(order, JsonSerializer.Deserialize<OrderDocument>(json, DocumentJson.Options)!.ToOrder());
    }

    [Fact]
    public void An_order_without_a_refund_stores_none()
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(OrderDocument.From(TestOrders.Cancelled()), DocumentJson.Options));

        Assert.False(document.RootElement.TryGetProperty("refund", out _));
    }

    [Fact]
    public void The_http_response_and_the_stored_document_name_a_refund_alike()
    {
        var order = TestOrders.Cancelled().RecordLatePayment(TestOrders.PaidAt, LatePaymentPolicy.Manual);

        Assert.Equal(OrderDocument.From(order).Refund!.Status, OrderResponse.From(order).Refund!.Status);
        Assert.Null(OrderResponse.From(TestOrders.Cancelled()).Refund);
    }
}
