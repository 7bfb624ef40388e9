using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using OrderClose.Orders;

namespace OrderClose.LocalRunner.Storage;

/// <summary>
/// One SQLite database: one writer connection with group commit (<see cref="SqliteWriter"/>) and, for a file, a pool
/// of reader connections that WAL lets read beside the writer, each on its caller's thread. A file is in WAL mode
/// with synchronous=NORMAL: a commit is written to the WAL before the write's task completes, so it survives the
/// process being killed (the runner's promise); only an OS crash or power loss can lose the last commits, which
/// would need an fsync per commit (synchronous=FULL) to prevent.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private const int BusyTimeoutMilliseconds = 5_000;

    private readonly string? _file;
    private readonly SqliteWriter _writer;
    private readonly ConcurrentBag<SqliteSession> _readers = [];

    private SqliteDatabase(string? file, string name, SqliteSession writer)
    {
        _file = file;
        Name = name;
        _writer = new SqliteWriter(writer, name, Translate);
    }

    /// <summary>The file, or a name for an in-memory database.</summary>
    public string Name { get; }

    /// <summary>Opens (and creates if needed) the database at <paramref name="file"/>, or one in memory when it is null.</summary>
    public static SqliteDatabase Open(string? file, string name, string schema)
    {
        var writer = SqliteSession.Open(file ?? ":memory:", BusyTimeoutMilliseconds);
        if (file is not null)
        {
            writer.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        }
        writer.Execute(schema);
        return new SqliteDatabase(file, file ?? $"{name} (in memory)", writer);
    }

    /// <summary>
    /// Runs <paramref name="work"/> atomically on the writer and completes once it is committed. Busy or locked (another
    /// process) becomes <see cref="DependencyUnavailableException"/>.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteSession, T> work) => _writer.WriteAsync(work);

    /// <summary>
    /// Runs <paramref name="work"/>, which only reads, on a reader connection: it sees every write whose task has
    /// completed. In memory there is only the writer's connection, so it reads there.
    /// </summary>
    public Task<T> ReadAsync<T>(Func<SqliteSession, T> work)
    {
        if (_file is null)
        {
            return _writer.WriteAsync(work);
        }
        var reader = _readers.TryTake(out var pooled) ? pooled : SqliteSession.Open(_file, BusyTimeoutMilliseconds);
        try
        {
            return Task.FromResult(work(reader));
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(Translate(exception));
        }
        finally
        {
            _readers.Add(reader);
        }
    }

    private Exception Translate(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED }
            ? new DependencyUnavailableException($"SQLite database {Name} is busy.", exception)
            : exception;

    public void Dispose()
    {
        _writer.Dispose();
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }
}
