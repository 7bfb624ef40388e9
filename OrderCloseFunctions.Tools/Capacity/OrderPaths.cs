namespace OrderClose.Tools.Capacity;

/// <summary>What one pass through the app costs each service.</summary>
/// <param name="CosmosReads">Point reads (a miss included).</param>
/// <param name="CosmosReplaces">Compare-and-set replaces: the move, then the outbox's mark of its event.</param>
/// <param name="ServiceBusOperations">Sends, schedules, cancels, receives and completes.</param>
/// <param name="Spans">Spans the app sends Application Insights: a request per execution, a dependency per Cosmos DB operation,
/// two per Service Bus message scheduled or sent and one per cancel, one per HTTP request to the provider, and its own (each
/// provider call, each settlement).</param>
/// <param name="LogRecords">The app's log records at Information and above (host.json's level).</param>
public sealed record OrderPath(
    string Name, int CosmosReads, int CosmosCreates, int CosmosReplaces, int ServiceBusOperations, int Executions, int ProviderCalls,
    int Spans, int LogRecords);

/// <summary>
/// The paths an order takes, counted from the code (Orders/PlaceOrder, StartPayment, ConfirmPayment, CloseUnpaidOrder, the outbox)
/// and held to it by OrderPathsTests, which drives orders down each path through the runner and counts what each port and
/// the telemetry saw.
/// </summary>
public static class OrderPaths
{
    /// <summary>CreateOrder: a read that misses, the close scheduled, the create. Spans: the request, 2 Cosmos DB, 2 Service Bus; logs: the order placed.</summary>
    public static readonly OrderPath Place = new("place", CosmosReads: 1, CosmosCreates: 1, CosmosReplaces: 0, ServiceBusOperations: 1, Executions: 1, ProviderCalls: 0, Spans: 5, LogRecords: 1);

    /// <summary>
    /// StartPayment: a read, and the provider's pay request (WeChat Pay's prepay; Alipay signs its URL without a call: counted anyway).
    /// Spans: the request, the read, the provider call's own (WeChat Pay's HTTP request and its log record would add one each); logs: the start.
    /// </summary>
    public static readonly OrderPath StartPayment = new("start payment", CosmosReads: 1, CosmosCreates: 0, CosmosReplaces: 0, ServiceBusOperations: 0, Executions: 1, ProviderCalls: 1, Spans: 3, LogRecords: 1);

    /// <summary>
    /// PaymentNotify: a read, NEW → PAID, the event sent and marked, the scheduled close cancelled. Spans: the request, 3 Cosmos DB,
    /// 2 for the event, 1 for the cancel; logs: paid, close cancelled.
    /// </summary>
    public static readonly OrderPath PaidByCallback = new("paid (callback)", CosmosReads: 1, CosmosCreates: 0, CosmosReplaces: 2, ServiceBusOperations: 2, Executions: 1, ProviderCalls: 0, Spans: 7, LogRecords: 2);

    /// <summary>
    /// CloseOrder at the deadline: received, a read, the provider's query and close, NEW → CANCELLED, the event sent and marked,
    /// completed. Spans: the request, 3 Cosmos DB, 2 for the event, the provider's 2 calls and their 2 HTTP requests, the settlement;
    /// logs: the provider's 2 answers, the decision, the settled close with its lateness.
    /// </summary>
    public static readonly OrderPath ClosedUnpaid = new("closed unpaid", CosmosReads: 1, CosmosCreates: 0, CosmosReplaces: 2, ServiceBusOperations: 3, Executions: 1, ProviderCalls: 2, Spans: 11, LogRecords: 4);
}
