using OrderClose.Contracts;
using OrderClose.Functions.Http;
using OrderClose.Orders;
using OrderClose.Tests.Orders;

namespace OrderClose.Tests.Contracts;

public sealed class OrderStateNamesTests
{
    [Theory]
    [InlineData(OrderState.New, "NEW")]
    [InlineData(OrderState.Paid, "PAID")]
    [InlineData(OrderState.Cancelled, "CANCELLED")]
    public void Every_state_has_one_name_that_reads_back(OrderState state, string name)
    {
        Assert.Equal(name, OrderStateNames.Name(state));
        Assert.Equal(state, OrderStateNames.Parse(name));
    }

    [Fact]
    public void No_state_is_left_without_a_name() =>
        Assert.All(Enum.GetValues<OrderState>(), state => Assert.False(string.IsNullOrEmpty(OrderStateNames.Name(state))));

    [Fact]
    public void An_unknown_stored_name_is_refused() =>
        Assert.Throws<InvalidDataException>(() => OrderStateNames.Parse("new"));

    [Theory]
    [InlineData(OrderState.New)]
    [InlineData(OrderState.Paid)]
    [InlineData(OrderState.Cancelled)]
    public void The_http_response_and_the_stored_document_name_a_state_alike(OrderState state)
    {
        var order = TestOrders.New() with { State = state };

        Assert.Equal(OrderDocument.From(order).State, OrderResponse.From(order).State);
    }

    [Fact]
    public void Only_the_tests_see_the_apps_internals()
    {
        var friends = typeof(OrderDocument).Assembly
            .GetCustomAttributes(typeof(System.Runtime.CompilerServices.InternalsVisibleToAttribute), inherit: false)
            .Cast<System.Runtime.CompilerServices.InternalsVisibleToAttribute>()
            .Select(attribute => attribute.AssemblyName);

        Assert.Equal(["OrderCloseFunctions.Tests"], friends);
    }
}
