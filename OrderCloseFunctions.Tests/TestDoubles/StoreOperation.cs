namespace OrderClose.Tests.TestDoubles;

/// <summary>The operations of <see cref="InMemoryOrderStore"/> that a test can make fail.</summary>
public enum StoreOperation
{
    Find,
    Create,
    Replace,
    FindOverdue,
    FindPendingEvents,
    FindStalledRefunds,
    FindOutstandingRefunds,
}
