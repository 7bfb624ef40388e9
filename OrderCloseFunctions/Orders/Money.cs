namespace OrderClose.Orders;

/// <summary>An amount in the currency's minor units (fen, cents), so no rounding ever happens.</summary>
public readonly record struct Money(long MinorUnits, string Currency);
