namespace OrderClose.Tools.Bench;

/// <summary>How often the ports were called, counted by <see cref="CountingOrderStore"/> and <see cref="CountingPaymentProvider"/>.</summary>
public sealed class CallCounts
{
    private long _storeOperations;
    private long _queriesOfPaidOrders;
    private long _queriesOfUnpaidOrders;
    private long _closes;

    public long StoreOperations => Interlocked.Read(ref _storeOperations);
    public long QueriesOfPaidOrders => Interlocked.Read(ref _queriesOfPaidOrders);
    public long QueriesOfUnpaidOrders => Interlocked.Read(ref _queriesOfUnpaidOrders);
    public long Queries => QueriesOfPaidOrders + QueriesOfUnpaidOrders;
    public long Closes => Interlocked.Read(ref _closes);

    internal void StoreOperation() => Interlocked.Increment(ref _storeOperations);

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
}
