using OrderClose.Orders.Events;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.TestDoubles;

/// <summary>
/// An <see cref="IOrderEventPublisher"/> that remembers every event it was given, repeats included, in order. Thread-safe.
/// <see cref="FailNext"/> makes the next publish throw before it records anything; <see cref="FailNextAfterSending"/>
/// records it (the topic has it) and then throws, as a send whose answer was lost; <see cref="AfterNextPublish"/> stages
/// what happens between a publish and its mark.
/// </summary>
public sealed class RecordingEventPublisher : IOrderEventPublisher
{
    private readonly Lock _gate = new();
    private readonly List<OrderEvent> _published = [];
    private Exception? _failBefore;
    private Exception? _failAfter;
    private Action? _afterNext;
    private bool? _freezeAfterSending;

    public IReadOnlyList<OrderEvent> Published
    {
        get
        {
            lock (_gate)
            {
                return [.. _published];
            }
        }
    }

    public IReadOnlyList<string> PublishedIds => Published.Select(e => e.Id).ToList();

    public void FailNext(Exception exception)
    {
        lock (_gate)
        {
            _failBefore = exception;
        }
    }

    public void FailNextAfterSending(Exception exception)
    {
        lock (_gate)
        {
            _failAfter = exception;
        }
    }

    /// <summary>Runs <paramref name="action"/> once, right after the next event is recorded: the way to stage what happens between a publish and its mark.</summary>
    public void AfterNextPublish(Action action)
    {
        lock (_gate)
        {
            _afterNext = action;
        }
    }

    /// <summary>
    /// Makes the next publish never return, before (<paramref name="afterSending"/> false) or after it reaches the topic:
    /// the process stopped there, and nothing after it runs.
    /// </summary>
    public void FreezeNext(bool afterSending)
    {
        lock (_gate)
        {
            _freezeAfterSending = afterSending;
        }
    }

    public Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_freezeAfterSending is { } afterSending)
            {
                _freezeAfterSending = null;
                if (afterSending)
                {
                    _published.Add(orderEvent);
                }
                return new TaskCompletionSource().Task;
            }
            if (_failBefore is { } before)
            {
                _failBefore = null;
                return Task.FromException(before);
            }
            _published.Add(orderEvent);
            _afterNext?.Invoke();
            _afterNext = null;
            if (_failAfter is { } after)
            {
                _failAfter = null;
                return Task.FromException(after);
            }
            return Task.CompletedTask;
        }
    }
}
