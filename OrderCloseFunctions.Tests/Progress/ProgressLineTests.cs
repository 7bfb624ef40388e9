using Microsoft.Extensions.Time.Testing;
using OrderClose.Orders;
using OrderClose.Tests.Orders;
using OrderClose.Tests.TestDoubles;
using OrderClose.Tools.Progress;

namespace OrderClose.Tests.Progress;

/// <summary>The progress line of bench and chaos, on a fake clock: what it counts, when it prints, and when it is off.</summary>
public sealed class ProgressLineTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly StringWriter _error = new();
    private readonly ProgressCounts _counts = new();
    private readonly InMemoryOrderStore _inner = new();
    private readonly ProgressCountingStore _store;

    public ProgressLineTests() => _store = new ProgressCountingStore(_inner, _counts);

    [Fact]
    public async Task Once_a_second_it_prints_placed_paid_closed_pending_the_rates_of_that_second_and_the_faults()
    {
        long faults = 0;
        using var line = ProgressLine.Start(ProgressMode.Always, _time, _error, _counts, () => faults)!;
        await PlaceAsync(0, 10);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Empty(_error.ToString());

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await PlaceAsync(10, 40);
        await PayAsync(0, 5);
        await CancelAsync(5, 12);
        faults = 3;
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(
            [
                "[   1s] placed 10  paid 0  closed 0  pending 10  |  10 placed/s  0 closed/s  |  faults 0",
                "[   2s] placed 40  paid 5  closed 7  pending 28  |  30 placed/s  7 closed/s  |  faults 3",
            ],
            Lines());
    }

    [Fact]
    public async Task Without_faults_to_report_the_line_leaves_them_out()
    {
        using var line = ProgressLine.Start(ProgressMode.Always, _time, _error, _counts)!;
        await PlaceAsync(0, 3);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["[   1s] placed 3  paid 0  closed 0  pending 3  |  3 placed/s  0 closed/s"], Lines());
    }

    [Fact]
    public async Task Only_moves_out_of_new_that_the_store_made_count_and_only_orders_it_created()
    {
        await PlaceAsync(0, 2);
        Assert.Null(await _store.TryCreateAsync(TestOrders.New("O0", TestOrders.Deadline), CancellationToken.None));
        var cancelled = await _store.TryReplaceAsync(_inner.Peek("O0")!, _inner.Peek("O0")!.Order.Cancel(TestOrders.Deadline, "timeout"), CancellationToken.None);
        Assert.Null(await _store.TryReplaceAsync(_inner.Peek("O1")! with { ETag = "\"stale\"" }, _inner.Peek("O1")!.Order.MarkPaid(TestOrders.PaidAt), CancellationToken.None));
        await _store.TryReplaceAsync(cancelled!, cancelled!.Order with { Subject = "changed after the move" }, CancellationToken.None);

        Assert.Equal((2, 0, 1), (_counts.Placed, _counts.Paid, _counts.Closed));
    }

    [Fact]
    public void Stopped_it_prints_nothing_more()
    {
        var line = ProgressLine.Start(ProgressMode.Always, _time, _error, _counts)!;
        _time.Advance(TimeSpan.FromSeconds(1));
        line.Dispose();
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Single(Lines());
    }

    [Theory]
    [InlineData(ProgressMode.Auto, false, true)]
    [InlineData(ProgressMode.Auto, true, false)]
    [InlineData(ProgressMode.Always, true, true)]
    [InlineData(ProgressMode.Always, false, true)]
    [InlineData(ProgressMode.Never, false, false)]
    [InlineData(ProgressMode.Never, true, false)]
    public void It_is_on_for_a_terminal_unless_quiet_and_elsewhere_only_when_asked(ProgressMode mode, bool errorRedirected, bool on)
    {
        Assert.Equal(on, ProgressLine.IsOn(mode, errorRedirected));
    }

    [Fact]
    public void Quiet_starts_nothing()
    {
        Assert.Null(ProgressLine.Start(ProgressMode.Never, _time, _error, _counts));
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Empty(_error.ToString());
    }

    private string[] Lines() => _error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private async Task PlaceAsync(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            Assert.NotNull(await _store.TryCreateAsync(TestOrders.New($"O{i}", TestOrders.Deadline), CancellationToken.None));
        }
    }

    private async Task PayAsync(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var current = _inner.Peek($"O{i}")!;
            Assert.NotNull(await _store.TryReplaceAsync(current, current.Order.MarkPaid(TestOrders.PaidAt), CancellationToken.None));
        }
    }

    private async Task CancelAsync(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var current = _inner.Peek($"O{i}")!;
            Assert.NotNull(await _store.TryReplaceAsync(current, current.Order.Cancel(TestOrders.Deadline, "timeout"), CancellationToken.None));
        }
    }
}
