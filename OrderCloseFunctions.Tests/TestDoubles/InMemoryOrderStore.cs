using OrderClose.Orders;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.TestDoubles;

/// <summary>
/// An <see cref="IOrderStore"/> in memory with the store's concurrency semantics: every write gets a new
/// ETag, a replace with a stale ETag returns null, a create of an existing number returns null.
/// Thread-safe, so concurrent use cases can race on it. Hooks let a test inject a failure or stage a race.
/// As <see cref="IOverdueOrders"/> it pages NEW orders by deadline, then number, and as <see cref="IPendingOrderEvents"/>
/// orders with unpublished events by the oldest of them, as <see cref="IStalledRefunds"/> and <see cref="IOutstandingRefunds"/>
/// orders with such a refund by its request; the continuation is the last one returned.
/// </summary>
public sealed class InMemoryOrderStore : IOrderStore, IOverdueOrders, IPendingOrderEvents, IStalledRefunds, IOutstandingRefunds
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<StoreOperation, Exception> _failures = [];
    private Func<Task>? _beforeNextReplace;
    private long _version;

    /// <summary>How many times <see cref="FindAsync"/> was called.</summary>
    public int FindCount { get; private set; }

    /// <summary>How many orders <see cref="TryCreateAsync"/> stored.</summary>
    public int CreateCount { get; private set; }

    /// <summary>How many replaces <see cref="TryReplaceAsync"/> stored (lost ones not counted).</summary>
    public int ReplaceCount { get; private set; }

    /// <summary>Of those, how many changed the order's state (moves out of NEW), as opposed to marking its events published or flagging a refund.</summary>
    public int MoveCount { get; private set; }

    /// <summary>Stores <paramref name="order"/> as it would be after an earlier create, without counting it or running hooks.</summary>
    public StoredOrder Add(Order order)
    {
        lock (_gate)
        {
            if (_orders.ContainsKey(order.OutTradeNo))
            {
                throw new InvalidOperationException($"Order {order.OutTradeNo} is there already.");
            }
            return Write(order);
        }
    }

    /// <summary>The order as it stands, without counting a read or running hooks; null when there is none.</summary>
    public StoredOrder? Peek(string outTradeNo)
    {
        lock (_gate)
        {
            return _orders.GetValueOrDefault(outTradeNo);
        }
    }

    /// <summary>Makes the next call of <paramref name="operation"/> throw <paramref name="exception"/> instead of doing anything.</summary>
    public void FailNext(StoreOperation operation, Exception exception)
    {
        lock (_gate)
        {
            _failures[operation] = exception;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> once, inside the next <see cref="TryReplaceAsync"/> before it compares
    /// ETags: the way to make somebody else write between a use case's read and its replace. The action may
    /// use the store; it does not trigger itself.
    /// </summary>
    public void BeforeNextReplace(Func<Task> action)
    {
        lock (_gate)
        {
            _beforeNextReplace = action;
        }
    }

    /// <inheritdoc cref="BeforeNextReplace(Func{Task})"/>
    public void BeforeNextReplace(Action action) => BeforeNextReplace(() =>
    {
        action();
        return Task.CompletedTask;
    });

    public Task<StoredOrder?> FindAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfFailing(StoreOperation.Find);
            FindCount++;
            return Task.FromResult(_orders.GetValueOrDefault(outTradeNo));
        }
    }

    public Task<StoredOrder?> TryCreateAsync(Order order, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfFailing(StoreOperation.Create);
            if (_orders.ContainsKey(order.OutTradeNo))
            {
                return Task.FromResult<StoredOrder?>(null);
            }
            CreateCount++;
            return Task.FromResult<StoredOrder?>(Write(order));
        }
    }

    public async Task<StoredOrder?> TryReplaceAsync(StoredOrder current, Order next, CancellationToken cancellationToken)
    {
        if (current.Order.OutTradeNo != next.OutTradeNo)
        {
            throw new ArgumentException("A replace cannot change the order number.", nameof(next));
        }

        Func<Task>? before;
        lock (_gate)
        {
            ThrowIfFailing(StoreOperation.Replace);
            before = _beforeNextReplace;
            _beforeNextReplace = null;
        }
        if (before is not null)
        {
            await before();
        }

        lock (_gate)
        {
            if (!_orders.TryGetValue(current.Order.OutTradeNo, out var stored) || stored.ETag != current.ETag)
            {
                return null;
            }
            ReplaceCount++;
            MoveCount += stored.Order.State == next.State ? 0 : 1;
            return Write(next);
        }
    }

    public Task<OverduePage> FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken) =>
        Page(StoreOperation.FindOverdue, order => order.State == OrderState.New ? order.PayDeadline : null, cutoff, max, continuation);

    Task<OverduePage> IPendingOrderEvents.FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken) =>
        Page(StoreOperation.FindPendingEvents, order => order.Events.PendingSince, cutoff, max, continuation);

    Task<OverduePage> IStalledRefunds.FindAsync(DateTimeOffset cutoff, int max, string? continuation, CancellationToken cancellationToken) =>
        Page(StoreOperation.FindStalledRefunds, order => order.Refund is { IsPending: true } refund ? refund.RequestedAt : null, cutoff, max, continuation);

    Task<OverduePage> IOutstandingRefunds.FindAsync(int max, string? continuation, CancellationToken cancellationToken) =>
        Page(StoreOperation.FindOutstandingRefunds, order => order.Refund is { IsOutstanding: true } refund ? refund.RequestedAt : null, DateTimeOffset.MaxValue, max, continuation);

    /// <summary>The orders whose <paramref name="key"/> is before <paramref name="cutoff"/>, by key, then number; the continuation is the last one returned.</summary>
    private Task<OverduePage> Page(StoreOperation operation, Func<Order, DateTimeOffset?> key, DateTimeOffset cutoff, int max, string? continuation)
    {
        lock (_gate)
        {
            ThrowIfFailing(operation);
            var after = continuation?.Split('|') is [var ticks, var number] ? (long.Parse(ticks, System.Globalization.CultureInfo.InvariantCulture), number) : (long.MinValue, "");
            var page = _orders.Values.Select(stored => stored.Order)
                .Where(order => key(order) < cutoff)
                .Select(order => (Ticks: key(order)!.Value.UtcTicks, order.OutTradeNo))
                .Where(entry => entry.Ticks > after.Item1 || (entry.Ticks == after.Item1 && string.CompareOrdinal(entry.OutTradeNo, after.Item2) > 0))
                .OrderBy(entry => entry.Ticks).ThenBy(entry => entry.OutTradeNo, StringComparer.Ordinal)
                .Take(max + 1)
                .ToList();
            var more = page.Count > max;
            page = page.Take(max).ToList();
            return Task.FromResult(new OverduePage(
                page.Select(entry => entry.OutTradeNo).ToList(),
                more ? $"{page[^1].Ticks}|{page[^1].OutTradeNo}" : null));
        }
    }

    private StoredOrder Write(Order order)
    {
        var stored = new StoredOrder(order, $"\"etag-{++_version}\"");
        _orders[order.OutTradeNo] = stored;
        return stored;
    }

    private void ThrowIfFailing(StoreOperation operation)
    {
        if (_failures.Remove(operation, out var exception))
        {
            throw exception;
        }
    }
}
