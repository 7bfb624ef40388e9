using OrderClose.Orders;

namespace OrderClose.Contracts;

/// <summary>
/// The names order states have outside the process: in stored documents and in the HTTP API. Fixed here so renaming
/// the enum cannot change stored data or the API.
/// </summary>
public static class OrderStateNames
{
    public static string Name(OrderState state) => state switch
    {
        OrderState.New => "NEW",
        OrderState.Paid => "PAID",
        OrderState.Cancelled => "CANCELLED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No stored name for this state."),
    };

    public static OrderState Parse(string name) => name switch
    {
        "NEW" => OrderState.New,
        "PAID" => OrderState.Paid,
        "CANCELLED" => OrderState.Cancelled,
        _ => throw new InvalidDataException($"Stored order state '{name}' is not NEW, PAID or CANCELLED."),
    };
}
