namespace OrderClose.Orders.Ports;

/// <summary>An order as read from the store, with the version token that a conditional replace must match.</summary>
public sealed record StoredOrder(Order Order, string ETag);
