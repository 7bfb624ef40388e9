namespace OrderClose.Tools.Bench;

/// <summary>
/// How often each port was called, by operation: the order store (<see cref="CountingOrderStore"/>), the payment provider
/// (<see cref="CountingPaymentProvider"/>), the close scheduler (<see cref="CountingCloseScheduler"/>), the event publisher
/// (<see cref="CountingEventPublisher"/>) and the settlements of delivered messages (<see cref="CountingSettlements"/>).
/// </summary>
public sealed class CallCounts
{
    private long _finds;
    private long _creates;
    private long _replaces;
    private long _paymentStarts;
    private long _queriesOfPaidOrders;
    private long _queriesOfUnpaidOrders;
    private long _closes;
    private long _refunds;
    private long _schedules;
    private long _cancels;
    private long _publishes;
    private long _settlements;

    public long Finds => Interlocked.Read(ref _finds);
    public long Creates => Interlocked.Read(ref _creates);
    public long Replaces => Interlocked.Read(ref _replaces);
    public long StoreOperations => Finds + Creates + Replaces;

    public long PaymentStarts => Interlocked.Read(ref _paymentStarts);
    public long QueriesOfPaidOrders => Interlocked.Read(ref _queriesOfPaidOrders);
    public long QueriesOfUnpaidOrders => Interlocked.Read(ref _queriesOfUnpaidOrders);
    public long Queries => QueriesOfPaidOrders + QueriesOfUnpaidOrders;
    public long Closes => Interlocked.Read(ref _closes);
    public long Refunds => Interlocked.Read(ref _refunds);
    public long ProviderCalls => PaymentStarts + Queries + Closes + Refunds;

    /// <summary>Closes scheduled (at a deadline, resent early, or retried).</summary>
    public long Schedules => Interlocked.Read(ref _schedules);
    public long Cancels => Interlocked.Read(ref _cancels);
    public long Publishes => Interlocked.Read(ref _publishes);

    /// <summary>Delivered messages settled: completed, abandoned or dead-lettered.</summary>
    public long Settlements => Interlocked.Read(ref _settlements);

    internal void Find() => Interlocked.Increment(ref _finds);

    internal void Create() => Interlocked.Increment(ref _creates);

    internal void Replace() => Interlocked.Increment(ref _replaces);

    internal void PaymentStart() => Interlocked.Increment(ref _paymentStarts);

    internal void Query(bool paidOrder)
    {
        if (paidOrder)
        {
            Interlocked.Increment(ref _queriesOfPaidOrders);
        }
        else
        {
            Interlocked.Increment(ref _queriesOfUnpaidOrders);
        }
    }

    internal void Close() => Interlocked.Increment(ref _closes);

    internal void Refund() => Interlocked.Increment(ref _refunds);

    internal void Schedule() => Interlocked.Increment(ref _schedules);

    internal void Cancel() => Interlocked.Increment(ref _cancels);

    internal void Publish() => Interlocked.Increment(ref _publishes);

    internal void Settlement() => Interlocked.Increment(ref _settlements);
}
