using System.Globalization;

namespace OrderClose.Tools.Progress;

/// <summary>
/// One line a second on stderr while a run goes: orders placed, paid, closed and still pending, the placing and closing
/// rates over the last second, and the faults injected so far when a run injects any.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly TextWriter _error;
    private readonly ProgressCounts _counts;
    private readonly Func<long>? _faults;
    private readonly long _started;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private (long Placed, long Closed, long Timestamp) _previous;
    private bool _stopped;

    private ProgressLine(TimeProvider time, TextWriter error, ProgressCounts counts, Func<long>? faults)
    {
        _time = time;
        _error = error;
        _counts = counts;
        _faults = faults;
        _started = time.GetTimestamp();
        _previous = (0, 0, _started);
        _timer = time.CreateTimer(_ => Print(), null, Interval, Interval);
    }

    /// <summary>True when <paramref name="mode"/> asks for the line, <see cref="ProgressMode.Auto"/> only when stderr is a terminal.</summary>
    public static bool IsOn(ProgressMode mode, bool errorRedirected) => mode switch
    {
        ProgressMode.Always => true,
        ProgressMode.Never => false,
        _ => !errorRedirected,
    };

    /// <summary>Starts printing to <paramref name="error"/> if <paramref name="mode"/> says so (null otherwise); disposing stops it.</summary>
    /// <param name="faults">Faults injected so far; null when the run injects none.</param>
    public static ProgressLine? Start(ProgressMode mode, TimeProvider time, TextWriter error, ProgressCounts counts, Func<long>? faults = null) =>
        IsOn(mode, Console.IsErrorRedirected) ? new ProgressLine(time, error, counts, faults) : null;

    private void Print()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }
            var now = _time.GetTimestamp();
            var (placed, paid, closed) = (_counts.Placed, _counts.Paid, _counts.Closed);
            var seconds = _time.GetElapsedTime(_previous.Timestamp, now).TotalSeconds;
            var faults = _faults is null ? "" : string.Create(CultureInfo.InvariantCulture, $"  |  faults {_faults():N0}");
            var line = string.Create(CultureInfo.InvariantCulture,
                $"[{_time.GetElapsedTime(_started, now).TotalSeconds,4:0}s] placed {placed:N0}  paid {paid:N0}  closed {closed:N0}  pending {placed - paid - closed:N0}  |  {(placed - _previous.Placed) / seconds:N0} placed/s  {(closed - _previous.Closed) / seconds:N0} closed/s{faults}");
            _previous = (placed, closed, now);
            _error.WriteLine(line);
        }
    }

    /// <summary>Stops the line: once this returns, nothing more is printed.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            _stopped = true;
        }
    }
}
