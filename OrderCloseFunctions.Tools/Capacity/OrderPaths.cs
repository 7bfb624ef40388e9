namespace OrderClose.Tools.Capacity;

/// <summary>What one pass through the app costs each service.</summary>
/// <param name="CosmosReads">Point reads (a miss included).</param>
/// <param name="CosmosReplaces">Compare-and-set replaces: the move, then the outbox's mark of its event.</param>
/// <param name="ServiceBusOperations">Sends, schedules, cancels, receives and completes.</param>
public sealed record OrderPath(
    string Name, int CosmosReads, int CosmosCreates, int CosmosReplaces, int ServiceBusOperations, int Executions, int ProviderCalls);

/// <summary>The paths an order takes, counted from the code (Orders/PlaceOrder, StartPayment, ConfirmPayment, CloseUnpaidOrder, the outbox).</summary>
public static class OrderPaths
{
    /// <summary>CreateOrder: a read that misses, the close scheduled, the create.</summary>
    public static readonly OrderPath Place = new("place", CosmosReads: 1, CosmosCreates: 1, CosmosReplaces: 0, ServiceBusOperations: 1, Executions: 1, ProviderCalls: 0);

    /// <summary>StartPayment: a read, and the provider's pay request (WeChat Pay's prepay; Alipay signs its URL without a call: counted anyway).</summary>
    public static readonly OrderPath StartPayment = new("start payment", CosmosReads: 1, CosmosCreates: 0, CosmosReplaces: 0, ServiceBusOperations: 0, Executions: 1, ProviderCalls: 1);

    /// <summary>PaymentNotify: a read, NEW → PAID, the event sent and marked, the scheduled close cancelled.</summary>
    public static readonly OrderPath PaidByCallback = new("paid (callback)", CosmosReads: 1, CosmosCreates: 0, CosmosReplaces: 2, ServiceBusOperations: 2, Executions: 1, ProviderCalls: 0);

    /// <summary>CloseOrder at the deadline: received, a read, the provider's query and close, NEW → CANCELLED, the event sent and marked, completed.</summary>
    public static readonly OrderPath ClosedUnpaid = new("closed unpaid", CosmosReads: 1, CosmosCreates: 0, CosmosReplaces: 2, ServiceBusOperations: 3, Executions: 1, ProviderCalls: 2);
}
