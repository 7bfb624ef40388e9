namespace OrderClose.LocalRunner.Storage;

/// <summary>
/// The one connection that writes a database, on a thread of its own, with group commit: it takes every write waiting,
/// runs each in a savepoint of one transaction, commits once, and only then completes their tasks. Each write is
/// atomic (one that throws is rolled back alone and fails alone) and committed before its caller goes on; a failed
/// commit fails every write of the batch, none of which then happened. One commit for many writes, and no thread-pool
/// hop between them, is what lets closes and requests share a database without waiting in line for each other.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly SqliteSession _session;
    private readonly Func<Exception, Exception> _translate;
    private readonly Queue<Write> _waiting = new();
    private readonly Thread _thread;
    private bool _stopping;

    public SqliteWriter(SqliteSession session, string name, Func<Exception, Exception> translate)
    {
        _session = session;
        _translate = translate;
        _thread = new Thread(Run) { IsBackground = true, Name = $"SQLite writer ({name})" };
        _thread.Start();
    }

    public Task<T> WriteAsync<T>(Func<SqliteSession, T> work)
    {
        var write = new Write<T>(work);
        lock (_waiting)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _waiting.Enqueue(write);
            if (_waiting.Count == 1)
            {
                Monitor.Pulse(_waiting);
            }
        }
        return write.Task;
    }

    private void Run()
    {
        var batch = new List<Write>();
        while (Take(batch))
        {
            RunBatch(batch);
            batch.Clear();
        }
    }

    /// <summary>Waits for writes and takes all of them; false once stopping and nothing is left.</summary>
    private bool Take(List<Write> batch)
    {
        lock (_waiting)
        {
            while (_waiting.Count == 0)
            {
                if (_stopping)
                {
                    return false;
                }
                Monitor.Wait(_waiting);
            }
            while (_waiting.TryDequeue(out var write))
            {
                batch.Add(write);
            }
            return true;
        }
    }

    private void RunBatch(List<Write> batch)
    {
        var done = new List<Write>(batch.Count);
        try
        {
            _session.Execute("BEGIN IMMEDIATE");
            foreach (var write in batch)
            {
                _session.Execute("SAVEPOINT write");
                try
                {
                    write.Run(_session);
                    _session.Execute("RELEASE write");
                    done.Add(write);
                }
                catch (Exception exception)
                {
                    _session.Execute("ROLLBACK TO write");
                    _session.Execute("RELEASE write");
                    write.Fail(_translate(exception));
                }
            }
            _session.Execute("COMMIT");
        }
        catch (Exception exception)
        {
            RollBack();
            var failure = _translate(exception);
            foreach (var write in batch)
            {
                write.Fail(failure);
            }
            return;
        }
        foreach (var write in done)
        {
            write.Complete();
        }
    }

    private void RollBack()
    {
        try
        {
            _session.Execute("ROLLBACK");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // No transaction left to roll back: SQLite rolled it back itself, or BEGIN failed.
        }
    }

    public void Dispose()
    {
        lock (_waiting)
        {
            _stopping = true;
            Monitor.Pulse(_waiting);
        }
        _thread.Join();
    }

    private abstract class Write
    {
        public abstract void Run(SqliteSession session);

        public abstract void Complete();

        /// <summary>Fails the write; no-op when it failed already (a write that failed alone, then its batch's commit).</summary>
        public abstract void Fail(Exception exception);
    }

    private sealed class Write<T>(Func<SqliteSession, T> work) : Write
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override void Run(SqliteSession session) => _result = work(session);

        public override void Complete() => _completion.TrySetResult(_result!);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
