namespace OrderClose.Orders;

/// <summary>
/// One delivery of a refund request: the order whose late payment to refund, which retry it is (<paramref name="Attempt"/>,
/// 0 for the first request) and how many times the queue has delivered this message (1 the first time).
/// </summary>
public sealed record DueRefund(string OutTradeNo, int Attempt, int DeliveryCount);
