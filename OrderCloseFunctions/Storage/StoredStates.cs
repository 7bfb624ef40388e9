using OrderClose.Orders;

namespace OrderClose.Storage;

/// <summary>The names order states have in stored documents. Fixed here so renaming the enum cannot change stored data.</summary>
internal static class StoredStates
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
