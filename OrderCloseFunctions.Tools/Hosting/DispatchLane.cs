using System.Collections.Concurrent;

namespace OrderClose.Tools.Hosting;

/// <summary>
/// Threads of the dispatcher's own. The dispatcher and every close run here, and so do their continuations (an await
/// resumes on the scheduler it started on), so a close's many small steps do not each wait in the thread pool's queue
/// behind the HTTP requests: under load that wait, not the work, was what made closes late (bench).
/// </summary>
public sealed class DispatchLane : TaskScheduler, IDisposable
{
    [ThreadStatic]
    private static DispatchLane? _current;

    private readonly BlockingCollection<Task> _tasks = new();
    private readonly int _threads;

    public DispatchLane(int threads)
    {
        _threads = threads;
        for (var i = 0; i < threads; i++)
        {
            new Thread(Run) { IsBackground = true, Name = $"Close dispatch {i + 1}" }.Start();
        }
    }

    public override int MaximumConcurrencyLevel => _threads;

    protected override void QueueTask(Task task)
    {
        try
        {
            _tasks.Add(task);
        }
        catch (InvalidOperationException)
        {
            // Disposed: whatever still finishes late finishes on the thread pool.
            ThreadPool.UnsafeQueueUserWorkItem(_ => TryExecuteTask(task), null);
        }
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        _current == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _tasks.ToArray();

    private void Run()
    {
        _current = this;
        foreach (var task in _tasks.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    public void Dispose() => _tasks.CompleteAdding();
}
